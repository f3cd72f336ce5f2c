using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sns;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.Sns;

public class SnsClientTests : StubbedClientTestBase
{
    private const string TopicArn = "arn:aws:sns:us-east-1:111122223333:orders.fifo";

    [Fact]
    public async Task PublishAsync_WithAttributesAndFifoFields_SendsSignedQueryForm()
    {
        Stub.Enqueue(AwsTestData.Xml("Sns/publish.xml"));

        await Factory.CreateSns().PublishAsync(new PublishRequest
        {
            TopicArn = TopicArn,
            Message = "hello & goodbye = 100%",
            Subject = "greeting",
            MessageGroupId = "g1",
            MessageDeduplicationId = "d1",
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                ["tenant"] = new() { DataType = "String", StringValue = "acme" },
                ["blob"] = new() { DataType = "Binary", BinaryValue = new byte[] { 1, 2, 3 } },
            },
        });

        AssertAllSigned();
        var request = Assert.Single(Stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/", request.RawPath);
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", request.ContentType);
        Assert.Equal(("us-east-1", "sns"), (request.Signature.Region, request.Signature.Service));
        var form = request.FormParameters();
        Assert.Equal("Publish", form["Action"]);
        Assert.Equal("2010-03-31", form["Version"]);
        Assert.Equal("hello & goodbye = 100%", form["Message"]);
        Assert.Equal("g1", form["MessageGroupId"]);
        Assert.Equal("d1", form["MessageDeduplicationId"]);
        Assert.Equal("blob", form["MessageAttributes.entry.1.Name"]);
        Assert.Equal("Binary", form["MessageAttributes.entry.1.Value.DataType"]);
        Assert.Equal("AQID", form["MessageAttributes.entry.1.Value.BinaryValue"]);
        Assert.Equal("tenant", form["MessageAttributes.entry.2.Name"]);
        Assert.Equal("acme", form["MessageAttributes.entry.2.Value.StringValue"]);
        Assert.Contains("Message=hello%20%26%20goodbye%20%3D%20100%25", request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_Success_ReturnsMessageIdAndSequenceNumber()
    {
        Stub.Enqueue(AwsTestData.Xml("Sns/publish.xml"));

        var response = await Factory.CreateSns().PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" });

        Assert.Equal("5a1c0b7e-6d1f-4b55-9e3a-0c9d2e1f4a01", response.MessageId);
        Assert.Equal("10000000000000000017", response.SequenceNumber);
    }

    [Fact]
    public async Task PublishBatchAsync_Entries_AreFlattenedAsMembers()
    {
        Stub.Enqueue(AwsTestData.Xml("Sns/publish-batch-partial.xml"));

        await Factory.CreateSns().PublishBatchAsync(new PublishBatchRequest
        {
            TopicArn = TopicArn,
            PublishBatchRequestEntries =
            [
                new() { Id = "first", Message = "one", MessageGroupId = "g", MessageDeduplicationId = "d-1" },
                new() { Id = "second", Message = "two", MessageGroupId = "g", MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["n"] = new() { DataType = "Number", StringValue = "42" } } },
            ],
        });

        var form = Assert.Single(Stub.Requests).FormParameters();
        Assert.Equal("PublishBatch", form["Action"]);
        Assert.Equal(TopicArn, form["TopicArn"]);
        Assert.Equal("first", form["PublishBatchRequestEntries.member.1.Id"]);
        Assert.Equal("one", form["PublishBatchRequestEntries.member.1.Message"]);
        Assert.Equal("d-1", form["PublishBatchRequestEntries.member.1.MessageDeduplicationId"]);
        Assert.Equal("g", form["PublishBatchRequestEntries.member.2.MessageGroupId"]);
        Assert.Equal("n", form["PublishBatchRequestEntries.member.2.MessageAttributes.entry.1.Name"]);
        Assert.Equal("Number", form["PublishBatchRequestEntries.member.2.MessageAttributes.entry.1.Value.DataType"]);
        Assert.Equal("42", form["PublishBatchRequestEntries.member.2.MessageAttributes.entry.1.Value.StringValue"]);
        Assert.False(form.ContainsKey("PublishBatchRequestEntries.member.2.MessageDeduplicationId"));
    }

    [Fact]
    public async Task PublishBatchAsync_PartialFailure_ReturnsFailedEntriesWithoutThrowing()
    {
        Stub.Enqueue(AwsTestData.Xml("Sns/publish-batch-partial.xml"));

        var response = await Factory.CreateSns().PublishBatchAsync(new PublishBatchRequest
        {
            TopicArn = TopicArn,
            PublishBatchRequestEntries = [new() { Id = "first", Message = "1" }, new() { Id = "second", Message = "2" }, new() { Id = "third", Message = "3" }],
        });

        var ok = Assert.Single(response.Successful);
        Assert.Equal(("first", "8f0d7c6b-5a4e-4d3c-9b2a-1f0e9d8c7b61"), (ok.Id, ok.MessageId));
        Assert.Equal(2, response.Failed.Count);
        Assert.Equal(("second", "InternalError", false), (response.Failed[0].Id, response.Failed[0].Code, response.Failed[0].SenderFault));
        Assert.Equal(("third", "InvalidParameter", true), (response.Failed[1].Id, response.Failed[1].Code, response.Failed[1].SenderFault));
    }

    [Fact]
    public async Task PublishAsync_ThrottledTwice_RetriesWithinPolicy()
    {
        Stub.Enqueue(AwsTestData.Xml("Errors/sns-throttled.xml", 400), AwsTestData.Xml("Errors/sns-throttled.xml", 400), AwsTestData.Xml("Sns/publish.xml"));

        var response = await Factory.CreateSns().PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" });

        Assert.Equal("5a1c0b7e-6d1f-4b55-9e3a-0c9d2e1f4a01", response.MessageId);
        Assert.Equal(3, Stub.Requests.Count);
        Assert.Equal([RetryPolicy.BackoffFor(0, true), RetryPolicy.BackoffFor(1, true)], Clock.Sleeps);
        AssertAllSigned();
    }

    [Fact]
    public async Task PublishAsync_NotFound_ThrowsOnceWithParsedError()
    {
        Stub.Enqueue(AwsTestData.Xml("Errors/sns-not-found.xml", 404));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Factory.CreateSns().PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" }));

        Assert.Equal(("sns", "Publish", "NotFound"), (error.Service, error.Operation, error.ErrorCode));
        Assert.Equal("c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f", error.RequestId);
        Assert.Single(Stub.Requests);
    }

    [Fact]
    public async Task PublishAsync_ServerErrorPastDeadline_GivesUpWithoutSleeping()
    {
        Stub.Enqueue(StubResponse.Empty(503), AwsTestData.Xml("Sns/publish.xml"));
        var client = Factory.CreateSns().WithDeadline(Clock.GetUtcNow() + TimeSpan.FromMilliseconds(10));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = "m" }));

        Assert.Equal(503, (int)error.StatusCode);
        Assert.Single(Stub.Requests);
        Assert.Empty(Clock.Sleeps);
    }
}

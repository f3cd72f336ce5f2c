using System.Text.Json;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sqs;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.Sqs;

public class SqsClientTests : StubbedClientTestBase
{
    private const string QueueUrl = "https://sqs.us-east-1.amazonaws.com/111122223333/orders.fifo";

    [Fact]
    public async Task SendMessageBatchAsync_Request_IsJson10WithTargetAndServiceFieldNames()
    {
        Stub.Enqueue(AwsTestData.Json("Sqs/send-message-batch-partial.json", contentType: "application/x-amz-json-1.0"));

        await Factory.CreateSqs().SendMessageBatchAsync(new SendMessageBatchRequest
        {
            QueueUrl = QueueUrl,
            Entries =
            [
                new() { Id = "a", MessageBody = "{\"n\":1}", MessageGroupId = "g", MessageDeduplicationId = "d-a" },
                new()
                {
                    Id = "b",
                    MessageBody = "two",
                    DelaySeconds = 5,
                    MessageAttributes = new Dictionary<string, MessageAttributeValue>
                    {
                        ["kind"] = new() { DataType = "String", StringValue = "order" },
                        ["raw"] = new() { DataType = "Binary", BinaryValue = new byte[] { 0xff, 0x00 } },
                    },
                },
            ],
        });

        AssertAllSigned();
        var request = Assert.Single(Stub.Requests);
        Assert.Equal("AmazonSQS.SendMessageBatch", request.Target);
        Assert.Equal("application/x-amz-json-1.0", request.ContentType);
        Assert.Equal("/", request.RawPath);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(QueueUrl, root.GetProperty("QueueUrl").GetString());
        var first = root.GetProperty("Entries")[0];
        Assert.Equal("g", first.GetProperty("MessageGroupId").GetString());
        Assert.Equal("d-a", first.GetProperty("MessageDeduplicationId").GetString());
        Assert.False(first.TryGetProperty("DelaySeconds", out _));
        var second = root.GetProperty("Entries")[1];
        Assert.Equal(5, second.GetProperty("DelaySeconds").GetInt32());
        Assert.Equal("order", second.GetProperty("MessageAttributes").GetProperty("kind").GetProperty("StringValue").GetString());
        Assert.Equal("/wA=", second.GetProperty("MessageAttributes").GetProperty("raw").GetProperty("BinaryValue").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendMessageBatchAsync_PartialFailure_ReturnsBothListsWithoutThrowing(bool writtenBody)
    {
        // The written body's answer reader steps aside for failed entries: the serializer reads them on both paths.
        Stub.Enqueue(AwsTestData.Json("Sqs/send-message-batch-partial.json", contentType: "application/x-amz-json-1.0"));
        using var body = new SendMessageBatchBody(QueueUrl);
        body.Add("1"u8, false, null);
        body.Add("2"u8, false, null);

        var response = writtenBody
            ? await Factory.CreateSqs().SendMessageBatchAsync(body)
            : await Factory.CreateSqs().SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = QueueUrl,
                Entries = [new() { Id = "a", MessageBody = "1" }, new() { Id = "b", MessageBody = "2" }],
            });

        var ok = Assert.Single(response.Successful);
        Assert.Equal(("a", "18880000000000000001"), (ok.Id, ok.SequenceNumber));
        var failed = Assert.Single(response.Failed);
        Assert.Equal(("b", "InternalError", false), (failed.Id, failed.Code, failed.SenderFault));
    }

    [Fact]
    public async Task SendMessageBatchAsync_WrittenBodyAnswerWithoutFailedList_FailedIsEmptyNotNull()
    {
        // An unknown member sends the answer to the serializer, which would leave the absent list null.
        Stub.Enqueue(StubResponse.Json("""{"Successful":[{"Id":"0","MessageId":"m-0","MD5OfMessageBody":"d","Future":"x"}]}""", 200));
        using var body = new SendMessageBatchBody(QueueUrl);
        body.Add("1"u8, false, null);

        var response = await Factory.CreateSqs().SendMessageBatchAsync(body);

        Assert.Equal("m-0", Assert.Single(response.Successful).MessageId);
        Assert.NotNull(response.Failed);
        Assert.Empty(response.Failed);
    }

    [Fact]
    public async Task SendMessageAsync_Success_ParsesIdsAndDigests()
    {
        Stub.Enqueue(AwsTestData.Json("Sqs/send-message.json", contentType: "application/x-amz-json-1.0"));

        var response = await Factory.CreateSqs().SendMessageAsync(new SendMessageRequest { QueueUrl = QueueUrl, MessageBody = "hello" });

        Assert.Equal("AmazonSQS.SendMessage", Assert.Single(Stub.Requests).Target);
        Assert.Equal("6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d", response.MessageId);
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", response.MD5OfMessageBody);
    }

    [Fact]
    public async Task SendMessageAsync_QueueMissing_ThrowsClientErrorWithoutRetry()
    {
        Stub.Enqueue(AwsTestData.Json("Errors/sqs-queue-does-not-exist.json", 400, "application/x-amz-json-1.0", new Dictionary<string, string> { ["x-amzn-RequestId"] = "r-404" }));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Factory.CreateSqs().SendMessageAsync(new SendMessageRequest { QueueUrl = QueueUrl, MessageBody = "x" }));

        Assert.Equal(("QueueDoesNotExist", "r-404", false), (error.ErrorCode, error.RequestId, error.IsRetryable));
        Assert.Single(Stub.Requests);
    }

    [Fact]
    public async Task SendMessageBatchAsync_ServerErrorThenSuccess_Retries()
    {
        Stub.Enqueue(StubResponse.Json("""{"__type":"com.amazonaws.sqs#InternalError","message":"boom"}""", 500), AwsTestData.Json("Sqs/send-message-batch-partial.json"));

        var response = await Factory.CreateSqs().SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = QueueUrl, Entries = [new() { Id = "a", MessageBody = "1" }] });

        Assert.Single(response.Successful);
        Assert.Equal(2, Stub.Requests.Count);
        Assert.Equal(Stub.Requests[0].BodyText, Stub.Requests[1].BodyText);
        Assert.Equal([RetryPolicy.BackoffFor(0, false)], Clock.Sleeps);
    }

    [Fact]
    public async Task SendMessageAsync_ThrottledEveryTime_StopsAtMaxAttempts()
    {
        Stub.Responder = _ => StubResponse.Json("""{"__type":"com.amazonaws.sqs#RequestThrottled","message":"slow down"}""", 400);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Factory.CreateSqs().SendMessageAsync(new SendMessageRequest { QueueUrl = QueueUrl, MessageBody = "x" }));

        Assert.True(error.IsThrottling);
        Assert.Equal(RetryPolicy.MaxAttempts, Stub.Requests.Count);
    }
}

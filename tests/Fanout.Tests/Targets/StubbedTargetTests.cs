using System.Text;
using System.Text.Json;
using Fanout.Delivery;
using Fanout.Metrics;
using Fanout.Records;
using Fanout.Targets;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.Fanout;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Runtime;
using LambdaSuite.TestKit.Stubs;

using Fanout.Tests.Support;

namespace Fanout.Tests.Targets;

/// <summary>
/// The real senders over the in-house clients against a loopback stub that checks SigV4 and plays throttling, 5xx
/// and partial failures: nothing is lost, only rejected entries are sent again.
/// </summary>
public class StubbedTargetTests : StubbedSendersTestBase
{
    private const string QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";

    private static FanoutTarget Target(FanoutTargetType type, string destination) => new()
    {
        SourceArn = StreamEvents.SourceArn,
        Id = "t",
        Type = type,
        Destination = destination,
        Active = true,
        Topic = "devices/out",
        Index = "orders",
    };

    private static SourceBatch Batch(int count) =>
        SourceReader.Read(StreamEvents.Kinesis(Enumerable.Range(0, count).Select(i => ("k" + (i % 4), Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"))))).Single();

    private Task<FanoutResult> RunAsync(SourceBatch batch, FanoutTarget target) =>
        new FanoutEngine(Senders, new DeliveryLedger(), Retry, null)
            .DeliverAsync(batch, [target], Clock.GetUtcNow().AddMinutes(1), Logger, new FanoutMetrics(Logger, Clock), CancellationToken.None);

    [Fact]
    public async Task Sqs_PartialFailureAndThrottling_RetriesOnlyFailedEntries()
    {
        Stub.Enqueue(
            StubResponse.Json("""{"__type":"com.amazonaws.sqs#RequestThrottled","message":"slow"}""", 400, "application/x-amz-json-1.0"),
            StubResponse.Json("""{"Successful":[],"Failed":[{"Id":"3","Code":"InternalError","SenderFault":false,"Message":"retry"}]}""", 200, "application/x-amz-json-1.0"));
        Stub.Responder = _ => StubResponse.Json("""{"Successful":[],"Failed":[]}""", 200, "application/x-amz-json-1.0");

        var result = await RunAsync(Batch(25), Target(FanoutTargetType.Sqs, QueueUrl));

        Assert.Null(result.FailedSequenceNumber);
        Assert.True(Stub.Requests.All(r => r.Signature.IsValid));
        var bodies = Stub.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).ToArray();
        // 3 batches of 10/10/5, one throttled whole call retried by the engine, one entry retried on its own
        // before the next batch.
        Assert.Equal(5, bodies.Length);
        var retried = bodies[2].GetProperty("Entries");
        Assert.Equal(1, retried.GetArrayLength());
        Assert.Equal(StreamEvents.Sequence(3), retried[0].GetProperty("MessageAttributes").GetProperty("fanout-id").GetProperty("StringValue").GetString());
        Assert.Equal(25, result.Outcomes[0].Delivered);
    }

    [Fact]
    public async Task Sqs_BodyWithNoncharacters_SentAsBase64WithEncodingAttributeNotLost()
    {
        // Issue 19, item 17: U+FFFE and U+FFFF are valid UTF-8 but not XML characters; SQS refuses a body holding
        // them (InvalidMessageContents), as this stub does, so they must go in a form SQS takes.
        Stub.Responder = request =>
        {
            var entries = JsonDocument.Parse(request.Body).RootElement.GetProperty("Entries").EnumerateArray().ToArray();
            var refused = entries.Where(e => e.GetProperty("MessageBody").GetString()!.Any(c => c is '\uFFFE' or '\uFFFF')).Select(e => e.GetProperty("Id").GetString());
            return StubResponse.Json(
                "{\"Successful\":[],\"Failed\":[" + string.Join(",", refused.Select(id => $"{{\"Id\":\"{id}\",\"Code\":\"InvalidMessageContents\",\"SenderFault\":true,\"Message\":\"Invalid binary character\"}}")) + "]}",
                200,
                "application/x-amz-json-1.0");
        };
        var bodies = new[] { "a\uFFFEb", "plain", "c\uFFFFd" };
        var batch = SourceReader.Read(StreamEvents.Kinesis(bodies.Select(b => ("k", Encoding.UTF8.GetBytes(b))))).Single();

        var result = await RunAsync(batch, Target(FanoutTargetType.Sqs, QueueUrl));

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal(3, result.Outcomes[0].Delivered);
        Assert.Empty(result.Outcomes[0].Problems);
        var sent = JsonDocument.Parse(Assert.Single(Stub.Requests).Body).RootElement.GetProperty("Entries").EnumerateArray().ToArray();
        Assert.Equal("base64", sent[0].GetProperty("MessageAttributes").GetProperty("fanout-encoding").GetProperty("StringValue").GetString());
        Assert.Equal(bodies[0], Encoding.UTF8.GetString(Convert.FromBase64String(sent[0].GetProperty("MessageBody").GetString()!)));
        Assert.Equal("plain", sent[1].GetProperty("MessageBody").GetString());
        Assert.Equal(bodies[2], Encoding.UTF8.GetString(Convert.FromBase64String(sent[2].GetProperty("MessageBody").GetString()!)));
    }

    [Fact]
    public async Task Sqs_FifoQueue_SendsGroupFromPartitionKeyAndDeterministicDeduplicationId()
    {
        Stub.Responder = _ => StubResponse.Json("""{"Successful":[],"Failed":[]}""", 200, "application/x-amz-json-1.0");

        await RunAsync(Batch(2), Target(FanoutTargetType.Sqs, QueueUrl + ".fifo"));

        var entries = JsonDocument.Parse(Assert.Single(Stub.Requests).Body).RootElement.GetProperty("Entries");
        Assert.Equal("k1", entries[1].GetProperty("MessageGroupId").GetString());
        Assert.Equal(StreamEvents.Sequence(1), entries[1].GetProperty("MessageDeduplicationId").GetString());
    }

    [Fact]
    public async Task Sns_PublishBatchWithSenderFault_DivertsThatEntryRetriesTheOther()
    {
        Stub.Enqueue(StubResponse.Xml("""
            <PublishBatchResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishBatchResult>
              <Successful><member><Id>0</Id><MessageId>m0</MessageId></member></Successful>
              <Failed>
                <member><Id>1</Id><Code>InternalError</Code><Message>later</Message><SenderFault>false</SenderFault></member>
                <member><Id>2</Id><Code>InvalidParameter</Code><Message>bad</Message><SenderFault>true</SenderFault></member>
              </Failed>
            </PublishBatchResult></PublishBatchResponse>
            """));
        Stub.Responder = _ => StubResponse.Xml("""<PublishBatchResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishBatchResult><Successful/><Failed/></PublishBatchResult></PublishBatchResponse>""");

        var result = await RunAsync(Batch(3), Target(FanoutTargetType.Sns, "arn:aws:sns:us-east-1:123456789012:orders"));

        Assert.Equal(2, Stub.Requests.Count);
        Assert.Equal("{\"n\":1}", Stub.Requests[1].FormParameters()["PublishBatchRequestEntries.member.1.Message"]);
        Assert.False(Stub.Requests[1].FormParameters().ContainsKey("PublishBatchRequestEntries.member.2.Message"));
        Assert.Equal(1, result.Dropped);
        Assert.Null(result.FailedSequenceNumber);
    }

    [Fact]
    public async Task Firehose_FailedPutCount_RetriesFailedRecordsOnly()
    {
        Stub.Enqueue(StubResponse.Json("""{"FailedPutCount":1,"RequestResponses":[{"RecordId":"a"},{"ErrorCode":"ServiceUnavailableException","ErrorMessage":"busy"},{"RecordId":"c"}]}"""));
        Stub.Responder = _ => StubResponse.Json("""{"FailedPutCount":0,"RequestResponses":[{"RecordId":"b"}]}""");

        var result = await RunAsync(Batch(3), Target(FanoutTargetType.Firehose, "arn:aws:firehose:us-east-1:123456789012:deliverystream/d"));

        var retried = JsonDocument.Parse(Stub.Requests[1].Body).RootElement.GetProperty("Records");
        Assert.Equal(Convert.ToBase64String("{\"n\":1}"u8), Assert.Single(retried.EnumerateArray()).GetProperty("Data").GetString());
        Assert.Equal(3, result.Outcomes[0].Delivered);
    }

    [Fact]
    public async Task Iot_ServerErrorOnOneMessage_RepublishesOnlyThatOne()
    {
        var attempts = 0;
        Stub.Responder = request =>
            request.BodyText == "{\"n\":2}" && Interlocked.Increment(ref attempts) <= 3
                ? StubResponse.Json("""{"message":"internal"}""", 500, "application/json", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "InternalFailureException" })
                : StubResponse.Json("{}", 200, "application/json");

        var result = await RunAsync(Batch(4), Target(FanoutTargetType.Iot, ""));

        Assert.Null(result.FailedSequenceNumber);
        Assert.All(Stub.Requests, r => Assert.StartsWith("/topics/devices/out?qos=0", r.RawTarget, StringComparison.Ordinal));
        // Three client attempts failed for {"n":2}; the engine's own retry then got it through: 4 records + 3 failures.
        Assert.Equal(7, Stub.Requests.Count(r => r.Signature.IsValid));
    }

    [Fact]
    public async Task Lambda_AsyncInvokeThrottled_RetriedUntilAccepted()
    {
        Stub.Enqueue(StubResponse.Json("""{"Type":"User","message":"Rate exceeded"}""", 429, "application/json", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "TooManyRequestsException" }));
        Stub.Responder = _ => StubResponse.Empty(202);

        var result = await RunAsync(Batch(1), Target(FanoutTargetType.Lambda, "arn:aws:lambda:us-east-1:123456789012:function:consumer"));

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal(2, Stub.Requests.Count);
        Assert.Equal("Event", Stub.Requests[1].Header("X-Amz-Invocation-Type"));
    }

    [Fact]
    public async Task OpenSearch_BulkItemErrors_Retries429AndDivertsMapping()
    {
        Stub.Enqueue(StubResponse.Json("""{"took":1,"errors":true,"items":[{"index":{"_id":"a","status":201}},{"index":{"_id":"b","status":429,"error":{"type":"es_rejected_execution_exception","reason":"queue full"}}},{"index":{"_id":"c","status":400,"error":{"type":"mapper_parsing_exception","reason":"bad field"}}}]}""", 200, "application/json"));
        Stub.Responder = _ => StubResponse.Json("""{"took":1,"errors":false,"items":[{"index":{"_id":"b","status":201}}]}""", 200, "application/json");

        var result = await RunAsync(Batch(3), Target(FanoutTargetType.OpenSearch, Stub.Endpoint.ToString().TrimEnd('/')));

        var first = Stub.Requests[0].BodyText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"{{\"index\":{{\"_index\":\"orders\",\"_id\":\"{StreamEvents.Sequence(0)}\"}}}}", first[0]);
        Assert.Equal(2, Stub.Requests[1].BodyText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("/_bulk", Stub.Requests[1].RawPath);
        Assert.Equal(1, result.Dropped);
        Assert.Equal(2, result.Outcomes[0].Delivered);
    }

    [Fact]
    public async Task OpenSearch_ItemNested32Levels_IndexedAsDocument()
    {
        // The typed record of DynamoDB's deepest legal item is 67 JSON levels deep: a document, not "NotJson".
        Stub.Responder = _ => StubResponse.Json("""{"took":1,"errors":false,"items":[{"index":{"_id":"a","status":201}}]}""", 200, "application/json");
        var batch = SourceReader.Read(Hostile.DynamoDbEvents.Event(Hostile.DynamoDbEvents.Record(0, Hostile.DynamoDbEvents.Nested(0, 32)))).Single();
        var target = Target(FanoutTargetType.OpenSearch, Stub.Endpoint.ToString().TrimEnd('/')) with { SourceArn = Hostile.DynamoDbEvents.SourceArn };

        var result = await RunAsync(batch, target);

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal(1, result.Outcomes[0].Delivered);
        Assert.Empty(result.Outcomes[0].Problems);
        var lines = Assert.Single(Stub.Requests).BodyText.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var document = JsonDocument.Parse(lines[1], new JsonDocumentOptions { MaxDepth = 128 });
        Assert.Equal("k0", document.RootElement.GetProperty("Keys").GetProperty("id").GetProperty("S").GetString());
    }
}


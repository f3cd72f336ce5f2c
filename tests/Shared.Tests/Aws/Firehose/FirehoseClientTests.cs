using System.Text;
using System.Text.Json;
using LambdaSuite.Aws.Firehose;
using LambdaSuite.Aws.Http;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.Firehose;

public class FirehoseClientTests : StubbedClientTestBase
{
    [Fact]
    public async Task PutRecordBatchAsync_Request_IsJson11WithBase64Records()
    {
        Stub.Enqueue(AwsTestData.Json("Firehose/put-record-batch-partial.json"));

        await Factory.CreateFirehose().PutRecordBatchAsync(new PutRecordBatchRequest
        {
            DeliveryStreamName = "events-to-s3",
            Records = [new() { Data = Encoding.UTF8.GetBytes("{\"a\":1}\n") }, new() { Data = new byte[] { 0, 1, 2 } }],
        });

        AssertAllSigned();
        var request = Assert.Single(Stub.Requests);
        Assert.Equal("Firehose_20150804.PutRecordBatch", request.Target);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Equal("firehose", request.Signature.Service);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("events-to-s3", body.RootElement.GetProperty("DeliveryStreamName").GetString());
        Assert.Equal(["eyJhIjoxfQo=", "AAEC"], body.RootElement.GetProperty("Records").EnumerateArray().Select(r => r.GetProperty("Data").GetString()));
    }

    [Fact]
    public async Task PutRecordBatchAsync_PartialFailure_ReturnsPerRecordOutcome()
    {
        Stub.Enqueue(AwsTestData.Json("Firehose/put-record-batch-partial.json"));

        var response = await Factory.CreateFirehose().PutRecordBatchAsync(new PutRecordBatchRequest
        {
            DeliveryStreamName = "events-to-s3",
            Records = [new() { Data = new byte[] { 1 } }, new() { Data = new byte[] { 2 } }],
        });

        Assert.Equal(1, response.FailedPutCount);
        Assert.Equal(2, response.RequestResponses.Count);
        Assert.NotNull(response.RequestResponses[0].RecordId);
        Assert.Null(response.RequestResponses[0].ErrorCode);
        Assert.Equal("ServiceUnavailableException", response.RequestResponses[1].ErrorCode);
    }

    [Fact]
    public async Task PutRecordBatchAsync_ServiceUnavailable_IsRetriedAsThrottling()
    {
        Stub.Enqueue(StubResponse.Json("""{"__type":"ServiceUnavailableException","message":"Slow down."}""", 503), AwsTestData.Json("Firehose/put-record-batch-partial.json"));

        var response = await Factory.CreateFirehose().PutRecordBatchAsync(new PutRecordBatchRequest { DeliveryStreamName = "s", Records = [new() { Data = new byte[] { 1 } }] });

        Assert.Equal(1, response.FailedPutCount);
        Assert.Equal(2, Stub.Requests.Count);
        Assert.Equal([RetryPolicy.BackoffFor(0, throttled: true)], Clock.Sleeps);
    }

    [Fact]
    public async Task PutRecordBatchAsync_StreamMissing_ThrowsWithoutRetry()
    {
        Stub.Enqueue(StubResponse.Json("""{"__type":"ResourceNotFoundException","message":"Firehose s not found under account 111122223333."}""", 400));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Factory.CreateFirehose().PutRecordBatchAsync(new PutRecordBatchRequest { DeliveryStreamName = "s", Records = [new() { Data = new byte[] { 1 } }] }));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Single(Stub.Requests);
    }
}

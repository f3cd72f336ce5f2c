using System.Text;
using System.Text.Json;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Kinesis;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.Kinesis;

public class KinesisClientTests : StubbedClientTestBase
{
    [Fact]
    public async Task PutRecordsAsync_Request_IsJson11WithTargetAndBase64Data()
    {
        Stub.Enqueue(AwsTestData.Json("Kinesis/put-records-partial.json"));

        await Factory.CreateKinesis().PutRecordsAsync(new PutRecordsRequest
        {
            StreamName = "demo",
            Records =
            [
                new() { Data = Encoding.UTF8.GetBytes("hello world"), PartitionKey = "device-17" },
                new() { Data = new byte[] { 0xf3, 0x89, 0x9a, 0xc2 }, PartitionKey = "k", ExplicitHashKey = "340282366920938463463374607431768211455" },
            ],
        });

        AssertAllSigned();
        var request = Assert.Single(Stub.Requests);
        Assert.Equal("Kinesis_20131202.PutRecords", request.Target);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Equal("kinesis", request.Signature.Service);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("demo", body.RootElement.GetProperty("StreamName").GetString());
        Assert.False(body.RootElement.TryGetProperty("StreamARN", out _));
        var records = body.RootElement.GetProperty("Records");
        Assert.Equal("aGVsbG8gd29ybGQ=", records[0].GetProperty("Data").GetString());
        Assert.Equal("device-17", records[0].GetProperty("PartitionKey").GetString());
        Assert.False(records[0].TryGetProperty("ExplicitHashKey", out _));
        Assert.Equal("84mawg==", records[1].GetProperty("Data").GetString());
        Assert.Equal("340282366920938463463374607431768211455", records[1].GetProperty("ExplicitHashKey").GetString());
    }

    [Fact]
    public async Task PutRecordsAsync_WrittenBody_SameWireAsRequestModelAndPayloadHashDeclared()
    {
        Stub.Enqueue(AwsTestData.Json("Kinesis/put-records-partial.json"));
        using var written = new PutRecordsBody("demo");
        written.AddBase64("\"aGVsbG8gd29ybGQ=\""u8, "device-17");
        written.Add(new byte[] { 0xf3, 0x89, 0x9a, 0xc2 }, "k", "340282366920938463463374607431768211455");

        await Factory.CreateKinesis().PutRecordsAsync(written);

        AssertAllSigned();
        var request = Assert.Single(Stub.Requests);
        Assert.Equal("Kinesis_20131202.PutRecords", request.Target);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(request.Body)), request.Header("x-amz-content-sha256"));
        using var body = JsonDocument.Parse(request.Body);
        var records = body.RootElement.GetProperty("Records");
        Assert.Equal(2, written.Count);
        Assert.Equal("demo", body.RootElement.GetProperty("StreamName").GetString());
        Assert.Equal("aGVsbG8gd29ybGQ=", records[0].GetProperty("Data").GetString());
        Assert.Equal("device-17", records[0].GetProperty("PartitionKey").GetString());
        Assert.Equal("84mawg==", records[1].GetProperty("Data").GetString());
        Assert.Equal("340282366920938463463374607431768211455", records[1].GetProperty("ExplicitHashKey").GetString());
    }

    [Theory]
    [InlineData("\"aGVsbG8\"")]
    [InlineData("\"aGVs\\bG8=\"")]
    [InlineData("\"aGVs\",\"x\":\"\"")]
    [InlineData("aGVsbG8gd29ybGQ=")]
    public void AddBase64_NotAQuotedBase64Token_ThrowsAndWritesNothing(string token)
    {
        using var body = new PutRecordsBody("demo");

        Assert.Throws<ArgumentException>(() => body.AddBase64(Encoding.UTF8.GetBytes(token), "k"));

        Assert.Equal(0, body.Count);
        using var json = JsonDocument.Parse(body.Complete());
        Assert.Equal(0, json.RootElement.GetProperty("Records").GetArrayLength());
    }

    [Fact]
    public void AddCheckedBase64_Token_SameBytesAsAddBase64()
    {
        using var checkedBody = new PutRecordsBody("demo");
        using var trustedBody = new PutRecordsBody("demo");

        checkedBody.AddBase64("\"aGVsbG8gd29ybGQ=\""u8, "device+17", "340282366920938463463374607431768211455");
        trustedBody.AddCheckedBase64("\"aGVsbG8gd29ybGQ=\""u8, "device+17", "340282366920938463463374607431768211455");

        Assert.Equal(1, trustedBody.Count);
        Assert.True(checkedBody.Complete().Span.SequenceEqual(trustedBody.Complete().Span));
    }

    [Theory]
    [InlineData("\"aGVsbG8\"")]
    [InlineData("aGVsbG8gd29ybGQ=")]
    [InlineData("\"aGVsbG8gd29ybGQ=")]
    [InlineData("\"")]
    public void AddCheckedBase64_NotQuotedWholeGroups_ThrowsAndWritesNothing(string token)
    {
        using var body = new PutRecordsBody("demo");

        Assert.Throws<ArgumentException>(() => body.AddCheckedBase64(Encoding.UTF8.GetBytes(token), "k"));

        Assert.Equal(0, body.Count);
        using var json = JsonDocument.Parse(body.Complete());
        Assert.Equal(0, json.RootElement.GetProperty("Records").GetArrayLength());
    }

    [Fact]
    public async Task PutRecordsAsync_PartialFailure_ReturnsPerRecordErrorCodes()
    {
        Stub.Enqueue(AwsTestData.Json("Kinesis/put-records-partial.json"));

        var response = await Factory.CreateKinesis().PutRecordsAsync(new PutRecordsRequest
        {
            StreamName = "demo",
            Records = [new() { Data = new byte[] { 1 }, PartitionKey = "a" }, new() { Data = new byte[] { 2 }, PartitionKey = "b" }],
        });

        Assert.Equal(1, response.FailedRecordCount);
        Assert.Equal("shardId-000000000000", response.Records[0].ShardId);
        Assert.Null(response.Records[0].ErrorCode);
        Assert.Equal("ProvisionedThroughputExceededException", response.Records[1].ErrorCode);
        Assert.Null(response.Records[1].SequenceNumber);
    }

    [Fact]
    public async Task PutRecordsAsync_ThroughputExceeded_IsRetriedWithThrottlingBackoff()
    {
        Stub.Enqueue(AwsTestData.Json("Errors/kinesis-throughput.json", 400), AwsTestData.Json("Kinesis/put-records-partial.json"));

        var response = await Factory.CreateKinesis().PutRecordsAsync(new PutRecordsRequest { StreamName = "demo", Records = [new() { Data = new byte[] { 1 }, PartitionKey = "a" }] });

        Assert.Equal(1, response.FailedRecordCount);
        Assert.Equal(2, Stub.Requests.Count);
        Assert.Equal([RetryPolicy.BackoffFor(0, throttled: true)], Clock.Sleeps);
    }

    [Fact]
    public async Task DescribeStreamSummaryAsync_StreamMissing_ThrowsWithoutRetry()
    {
        Stub.Enqueue(AwsTestData.Json("Errors/kinesis-not-found.json", 400));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Factory.CreateKinesis().DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = "missing" }));

        Assert.Equal(("kinesis", "DescribeStreamSummary", "ResourceNotFoundException"), (error.Service, error.Operation, error.ErrorCode));
        Assert.Single(Stub.Requests);
    }

    [Fact]
    public async Task GetRecordsAsync_Answer_DecodesDataAndEpochTimestamp()
    {
        Stub.Enqueue(AwsTestData.Json("Kinesis/get-records.json"));

        var response = await Factory.CreateKinesis().GetRecordsAsync(new GetRecordsRequest { ShardIterator = "it-1", Limit = 10 });

        var record = Assert.Single(response.Records);
        Assert.Equal("hello world", Encoding.UTF8.GetString(record.Data.Span));
        Assert.Equal(new DateTimeOffset(2015, 9, 2, 17, 36, 50, 867, TimeSpan.Zero), record.ApproximateArrivalTimestamp);
        Assert.Equal(2100, response.MillisBehindLatest);
        Assert.StartsWith("AAAAAAAAAAHsW8zC", response.NextShardIterator, StringComparison.Ordinal);
        Assert.Equal("""{"ShardIterator":"it-1","Limit":10}""", Stub.Requests[0].BodyText);
    }

    [Fact]
    public async Task GetShardIteratorAsync_AtTimestamp_SendsEpochSeconds()
    {
        Stub.Enqueue(StubResponse.Json("""{"ShardIterator":"it-2"}"""));

        var response = await Factory.CreateKinesis().GetShardIteratorAsync(new GetShardIteratorRequest
        {
            StreamName = "demo",
            ShardId = "shardId-000000000000",
            ShardIteratorType = ShardIteratorType.AtTimestamp,
            Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250),
        });

        Assert.Equal("it-2", response.ShardIterator);
        using var body = JsonDocument.Parse(Stub.Requests[0].Body);
        Assert.Equal(1_700_000_000.25m, body.RootElement.GetProperty("Timestamp").GetDecimal());
        Assert.Equal("AT_TIMESTAMP", body.RootElement.GetProperty("ShardIteratorType").GetString());
    }

    [Fact]
    public async Task CreateStreamAsync_EmptyAnswer_Succeeds()
    {
        Stub.Enqueue(StubResponse.Empty());

        var response = await Factory.CreateKinesis().CreateStreamAsync(new CreateStreamRequest { StreamName = "demo", ShardCount = 2 });

        Assert.NotNull(response);
        Assert.Equal("Kinesis_20131202.CreateStream", Stub.Requests[0].Target);
        Assert.Equal("""{"StreamName":"demo","ShardCount":2}""", Stub.Requests[0].BodyText);
    }

    [Fact]
    public async Task ListAllShardsAsync_TwoPages_SendsNextTokenAlone()
    {
        Stub.Enqueue(
            StubResponse.Json(Shards("shardId-000000000000", nextToken: "tok-1")),
            StubResponse.Json(Shards("shardId-000000000001", nextToken: null)));

        var shards = new List<Shard>();
        await foreach (var shard in Factory.CreateKinesis().ListAllShardsAsync("demo"))
        {
            shards.Add(shard);
        }

        Assert.Equal(["shardId-000000000000", "shardId-000000000001"], shards.Select(s => s.ShardId));
        Assert.Equal("""{"StreamName":"demo"}""", Stub.Requests[0].BodyText);
        Assert.Equal("""{"NextToken":"tok-1"}""", Stub.Requests[1].BodyText);
    }

    private static string Shards(string shardId, string? nextToken)
    {
        var shard = $$$"""{"ShardId":"{{{shardId}}}","HashKeyRange":{"StartingHashKey":"0","EndingHashKey":"1"},"SequenceNumberRange":{"StartingSequenceNumber":"495"}}""";
        var next = nextToken is null ? string.Empty : $$""","NextToken":"{{nextToken}}" """.TrimEnd();
        return "{\"Shards\":[" + shard + "]" + next + "}";
    }
}

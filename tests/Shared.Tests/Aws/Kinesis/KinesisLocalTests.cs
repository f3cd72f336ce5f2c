using System.Text;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Kinesis;
using LambdaSuite.TestKit;

namespace Shared.Tests.Aws.Kinesis;

/// <summary>The Kinesis client against a real kinesalite (the local stack's Kinesis), found through AWS_ENDPOINT_URL_KINESIS.</summary>
[Trait("Category", "Integration")]
public class KinesisLocalTests : IDisposable
{
    private readonly AwsClientFactory _factory;
    private readonly KinesisClient _kinesis;

    public KinesisLocalTests()
    {
        var endpoint = LocalStack.Kinesis.ToString();
        _factory = new AwsClientFactory(
            new AwsEndpointResolver(name => name == "AWS_ENDPOINT_URL_KINESIS" ? endpoint : Environment.GetEnvironmentVariable(name)),
            new Amazon.Runtime.BasicAWSCredentials("local", "local"));
        _kinesis = _factory.CreateKinesis();
    }

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task PutRecordsThenGetRecords_RoundTripsDataInOrder()
    {
        var stream = await CreateActiveStreamAsync(shards: 1);
        var payloads = Enumerable.Range(0, 5).Select(i => Encoding.UTF8.GetBytes($"record-{i}")).ToArray();

        var put = await _kinesis.PutRecordsAsync(new PutRecordsRequest { StreamName = stream, Records = payloads.Select(p => new PutRecordsRequestEntry { Data = p, PartitionKey = "pk" }).ToArray() });
        var shard = Assert.Single((await _kinesis.ListShardsAsync(new ListShardsRequest { StreamName = stream })).Shards);
        var iterator = await _kinesis.GetShardIteratorAsync(new GetShardIteratorRequest { StreamName = stream, ShardId = shard.ShardId, ShardIteratorType = ShardIteratorType.TrimHorizon });
        var records = await _kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator.ShardIterator });

        Assert.Equal(0, put.FailedRecordCount);
        Assert.All(put.Records, r => Assert.NotNull(r.SequenceNumber));
        Assert.Equal(payloads.Select(Encoding.UTF8.GetString), records.Records.Select(r => Encoding.UTF8.GetString(r.Data.Span)));
        Assert.Equal(put.Records.Select(r => r.SequenceNumber), records.Records.Select(r => r.SequenceNumber));
        Assert.NotNull(records.NextShardIterator);
    }

    [Fact]
    public async Task ListShards_StreamWithThreeShards_CoversHashSpace()
    {
        var stream = await CreateActiveStreamAsync(shards: 3);

        var shards = (await _kinesis.ListShardsAsync(new ListShardsRequest { StreamName = stream })).Shards;

        Assert.Equal(3, shards.Count);
        Assert.Equal("0", shards[0].HashKeyRange.StartingHashKey);
        Assert.Equal("340282366920938463463374607431768211455", shards[^1].HashKeyRange.EndingHashKey);
    }

    [Fact]
    public async Task DescribeStreamSummary_MissingStream_ThrowsResourceNotFound()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _kinesis.DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = "missing-" + Guid.NewGuid().ToString("N") }));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task CreateStream_ExistingName_ThrowsResourceInUse()
    {
        var stream = await CreateActiveStreamAsync(shards: 1);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = stream, ShardCount = 1 }));

        Assert.Equal("ResourceInUseException", error.ErrorCode);
    }

    private async Task<string> CreateActiveStreamAsync(int shards)
    {
        var name = "suite-" + Guid.NewGuid().ToString("N")[..12];
        await _kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = name, ShardCount = shards });
        for (var poll = 0; poll < 100; poll++)
        {
            var summary = await _kinesis.DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = name });
            if (summary.StreamDescriptionSummary.StreamStatus == "ACTIVE")
            {
                Assert.Equal(shards, summary.StreamDescriptionSummary.OpenShardCount);
                return name;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Stream {name} did not become ACTIVE.");
    }
}

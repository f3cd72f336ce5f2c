using Amazon.DynamoDBv2;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Kinesis;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Dynamo;

namespace Fanout.Tests.Integration;

/// <summary>Clients on the local stack (kinesalite, DynamoDB Local) and a helper to make an ACTIVE stream.</summary>
public sealed class LocalStackFixture : IDisposable
{
    public LocalStackFixture()
    {
        var kinesis = LocalStack.Kinesis.ToString();
        var dynamo = LocalStack.DynamoDb.ToString();
        Environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_KINESIS"] = kinesis,
            ["AWS_ENDPOINT_URL_DYNAMODB"] = dynamo,
            ["AWS_ENDPOINT_URL_DYNAMODB_STREAMS"] = dynamo,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
        };
        Aws = new AwsClientFactory(new AwsEndpointResolver(Get), new Amazon.Runtime.BasicAWSCredentials("local", "local"));
        Kinesis = Aws.CreateKinesis();
        DynamoDb = LocalDynamoDb.CreateClient();
    }

    public Dictionary<string, string> Environment { get; }

    public AwsClientFactory Aws { get; }

    public KinesisClient Kinesis { get; }

    public IAmazonDynamoDB DynamoDb { get; }

    public string? Get(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    public async Task<string> CreateStreamAsync(int shards = 1)
    {
        var name = "fanout-" + Guid.NewGuid().ToString("N")[..12];
        await Kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = name, ShardCount = shards });
        for (var poll = 0; poll < 200; poll++)
        {
            var summary = await Kinesis.DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = name });
            if (summary.StreamDescriptionSummary.StreamStatus == "ACTIVE")
            {
                return name;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Stream {name} did not become ACTIVE.");
    }

    /// <summary>Every record of every shard, from the start.</summary>
    public async Task<List<LambdaSuite.Aws.Kinesis.Record>> ReadAllAsync(string stream)
    {
        var all = new List<LambdaSuite.Aws.Kinesis.Record>();
        foreach (var shard in (await Kinesis.ListShardsAsync(new ListShardsRequest { StreamName = stream })).Shards)
        {
            var iterator = (await Kinesis.GetShardIteratorAsync(new GetShardIteratorRequest { StreamName = stream, ShardId = shard.ShardId, ShardIteratorType = ShardIteratorType.TrimHorizon })).ShardIterator;
            while (iterator is not null)
            {
                var page = await Kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator, Limit = 10000 });
                all.AddRange(page.Records);
                iterator = page.Records.Count == 0 ? null : page.NextShardIterator;
            }
        }

        return all;
    }

    public void Dispose()
    {
        Aws.Dispose();
        DynamoDb.Dispose();
    }
}

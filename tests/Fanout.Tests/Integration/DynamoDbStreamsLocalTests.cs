using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Fanout.Delivery;
using Fanout.Metrics;
using Fanout.Records;
using Fanout.Targets;
using LambdaSuite.Data.Fanout;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Runtime;

namespace Fanout.Tests.Integration;

/// <summary>A real table's stream on DynamoDB Local, read through the DynamoDB Streams API, fanned out to kinesalite.</summary>
[Trait("Category", "Integration")]
public class DynamoDbStreamsLocalTests(LocalStackFixture stack) : IClassFixture<LocalStackFixture>
{
    [Fact]
    public async Task Deliver_InsertModifyRemoveFromRealStream_ConvertedWithExactNumbersAndOldImage()
    {
        var table = "fanout-source-" + Guid.NewGuid().ToString("N")[..8];
        var created = await stack.DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
        var streamArn = created.TableDescription.LatestStreamArn;
        await stack.DynamoDb.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "a" }, ["amount"] = new() { N = "98765432109876543210.0123456789" } });
        await stack.DynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = new() { ["pk"] = new() { S = "a" } },
            UpdateExpression = "SET amount = :v",
            ExpressionAttributeValues = new() { [":v"] = new AttributeValue { N = "1" } },
        });
        await stack.DynamoDb.DeleteItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "a" } });
        var records = await ReadStreamAsync(streamArn);
        var destination = await stack.CreateStreamAsync();
        var target = new FanoutTarget { SourceArn = streamArn, Id = "k", Type = FanoutTargetType.Kinesis, Destination = destination, Active = true, ConvertDdb = true };
        var logger = new RecordingLambdaLogger();
        await using var senders = new TargetSenderFactory(stack.Aws, TimeProvider.System);

        var result = await new FanoutEngine(senders, new DeliveryLedger(), stack.Aws.RetryPolicy, null).DeliverAsync(
            SourceReader.Read(DynamoDbStreamEventBuilder.Build(streamArn, records)).Single(), [target], DateTimeOffset.UtcNow.AddSeconds(30), logger, new FanoutMetrics(logger, TimeProvider.System), CancellationToken.None);

        Assert.Null(result.FailedSequenceNumber);
        var arrived = (await stack.ReadAllAsync(destination)).Select(r => JsonDocument.Parse(r.Data).RootElement).ToList();
        Assert.Equal(["INSERT", "MODIFY", "REMOVE"], arrived.Select(r => r.GetProperty("eventName").GetString()));
        Assert.Equal("98765432109876543210.0123456789", arrived[0].GetProperty("NewImage").GetProperty("amount").GetRawText());
        Assert.Equal("98765432109876543210.0123456789", arrived[1].GetProperty("OldImage").GetProperty("amount").GetRawText());
        Assert.Equal("1", arrived[2].GetProperty("OldImage").GetProperty("amount").GetRawText());
        Assert.All(arrived, r => Assert.Equal("a", r.GetProperty("Keys").GetProperty("pk").GetString()));
    }

    private async Task<List<Amazon.DynamoDBv2.Model.Record>> ReadStreamAsync(string streamArn)
    {
        using var streams = new AmazonDynamoDBStreamsClient(new BasicAWSCredentials("local", "local"), new AmazonDynamoDBStreamsConfig
        {
            ServiceURL = LocalStack.DynamoDbStreams.ToString(),
            AuthenticationRegion = "us-east-1",
        });
        var records = new List<Amazon.DynamoDBv2.Model.Record>();
        var description = await streams.DescribeStreamAsync(new DescribeStreamRequest { StreamArn = streamArn });
        foreach (var shard in description.StreamDescription.Shards)
        {
            var iterator = (await streams.GetShardIteratorAsync(new Amazon.DynamoDBv2.Model.GetShardIteratorRequest { StreamArn = streamArn, ShardId = shard.ShardId, ShardIteratorType = Amazon.DynamoDBv2.ShardIteratorType.TRIM_HORIZON })).ShardIterator;
            for (var page = 0; page < 10 && iterator is not null; page++)
            {
                var response = await streams.GetRecordsAsync(new Amazon.DynamoDBv2.Model.GetRecordsRequest { ShardIterator = iterator });
                records.AddRange(response.Records ?? []);
                iterator = response.Records is { Count: > 0 } ? response.NextShardIterator : null;
            }
        }

        return records;
    }
}

using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Fanout.Delivery;
using Fanout.Metrics;
using Fanout.Records;
using Fanout.Targets;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Data.Fanout;
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

    [Fact]
    public async Task Deliver_ItemNested32LevelsFromRealStream_DeliveredBesideThePlainOne()
    {
        // Issue 19, item 1: the deepest item DynamoDB itself accepts (32 levels; 33 is refused with a
        // ValidationException) must be delivered, not fail the batch as "not JSON".
        var table = "fanout-deep-" + Guid.NewGuid().ToString("N")[..8];
        var created = await stack.DynamoDb.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE },
        });
        var streamArn = created.TableDescription.LatestStreamArn;
        var deep = new AttributeValue { SS = ["leaf"] };
        for (var level = 1; level < 32; level++)
        {
            deep = new AttributeValue { M = new() { ["a"] = deep } };
        }

        await stack.DynamoDb.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "deep" }, ["d"] = deep });
        await stack.DynamoDb.PutItemAsync(table, new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "plain" } });
        var records = await ReadStreamAsync(streamArn);
        var destination = await stack.CreateStreamAsync();
        var target = new FanoutTarget { SourceArn = streamArn, Id = "k", Type = FanoutTargetType.Kinesis, Destination = destination, Active = true };
        var logger = new RecordingLambdaLogger();
        await using var senders = new TargetSenderFactory(stack.Aws, TimeProvider.System);
        var input = DynamoDbStreamEventBuilder.Build(streamArn, records);

        var result = await new FanoutEngine(senders, new DeliveryLedger(), stack.Aws.RetryPolicy, null).DeliverAsync(
            SourceReader.Read(input).Single(), [target], DateTimeOffset.UtcNow.AddSeconds(30), logger, new FanoutMetrics(logger, TimeProvider.System), CancellationToken.None);

        Assert.Null(result.FailedSequenceNumber);
        var arrived = (await stack.ReadAllAsync(destination)).Select(r => System.Text.Encoding.UTF8.GetString(r.Data.Span)).ToList();
        Assert.Equal(2, arrived.Count);
        Assert.Contains("\"leaf\"", arrived[0], StringComparison.Ordinal);
        Assert.Contains("\"plain\"", arrived[1], StringComparison.Ordinal);
    }

    /// <summary>DescribeStream, GetShardIterator, GetRecords over JSON 1.0 (no DynamoDB Streams SDK package restores here).</summary>
    private async Task<List<JsonElement>> ReadStreamAsync(string streamArn)
    {
        var http = stack.Aws.Http(AwsService.DynamoDbStreams);
        var records = new List<JsonElement>();
        var description = await CallAsync(http, "DescribeStream", $$"""{"StreamArn":"{{streamArn}}"}""");
        foreach (var shard in description.GetProperty("StreamDescription").GetProperty("Shards").EnumerateArray())
        {
            var shardId = shard.GetProperty("ShardId").GetString();
            var iterator = (await CallAsync(http, "GetShardIterator", $$"""{"StreamArn":"{{streamArn}}","ShardId":"{{shardId}}","ShardIteratorType":"TRIM_HORIZON"}""")).GetProperty("ShardIterator").GetString();
            for (var page = 0; page < 10 && iterator is not null; page++)
            {
                var response = await CallAsync(http, "GetRecords", JsonSerializer.Serialize(new Dictionary<string, string> { ["ShardIterator"] = iterator }));
                var batch = response.GetProperty("Records").EnumerateArray().ToList();
                records.AddRange(batch);
                iterator = batch.Count > 0 && response.TryGetProperty("NextShardIterator", out var next) ? next.GetString() : null;
            }
        }

        return records;
    }

    private static Task<JsonElement> CallAsync(AwsHttp http, string operation, string body) =>
        http.SendAsync(
            operation,
            AwsProtocol.Json,
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, http.UriFor("/")) { Content = new StringContent(body) };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
                request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDBStreams_20120810." + operation);
                return request;
            },
            response => JsonDocument.Parse(response.Body, new JsonDocumentOptions { MaxDepth = 256 }).RootElement.Clone(),
            CancellationToken.None);
}

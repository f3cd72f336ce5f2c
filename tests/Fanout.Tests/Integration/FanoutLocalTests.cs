using System.Net.Sockets;
using System.Text;
using Fanout.Config;
using Fanout.Delivery;
using Fanout.Metrics;
using Fanout.Records;
using Fanout.Targets;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness.Kpl;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Dynamo;
using LambdaSuite.TestKit.Runtime;

namespace Fanout.Tests.Integration;

/// <summary>The function on the local stack: kinesalite in and out, the mapping table on DynamoDB Local, real Redis and memcached.</summary>
[Trait("Category", "Integration")]
public class FanoutLocalTests(LocalStackFixture stack) : IClassFixture<LocalStackFixture>
{
    private static FanoutTarget Target(FanoutTargetType type, string destination, string sourceArn = StreamEvents.SourceArn) => new()
    {
        SourceArn = sourceArn,
        Id = FanoutTargetTypes.NameOf(type) + "-" + Guid.NewGuid().ToString("N")[..6],
        Type = type,
        Destination = destination,
        Active = true,
    };

    [Fact]
    public async Task Invoke_KinesisToKinesisThroughMappingTable_EveryRecordArrivesInKeyOrder()
    {
        var source = await stack.CreateStreamAsync();
        var destination = await stack.CreateStreamAsync(shards: 2);
        var sourceArn = $"arn:aws:kinesis:us-east-1:000000000000:stream/{source}";
        var table = await LocalDynamoDb.CreateUniqueTableAsync(stack.DynamoDb, TableCatalog.FanoutTargets);
        var store = new FanoutTargetStore(stack.DynamoDb, table);
        Assert.True(await store.PutAsync(Target(FanoutTargetType.Kinesis, $"arn:aws:kinesis:us-east-1:000000000000:stream/{destination}", sourceArn) with { Deaggregate = true }, mustExist: false));
        Assert.True(await store.PutAsync(Target(FanoutTargetType.Kinesis, "inactive-stream", sourceArn) with { Active = false }, mustExist: false));
        var plain = Enumerable.Range(0, 300).Select(i => ("key-" + (i % 7), Encoding.UTF8.GetBytes($"{{\"i\":{i}}}"))).ToList();
        var aggregate = KplAggregator.Aggregate([.. Enumerable.Range(300, 20).Select(i => new KplRecord("key-" + (i % 7), null, Encoding.UTF8.GetBytes($"{{\"i\":{i}}}")))]);
        var environment = new Dictionary<string, string>(stack.Environment) { ["FANOUT_TARGETS_TABLE"] = table };
        var function = FanoutFunction.Create(name => environment.GetValueOrDefault(name));

        var response = await function.InvokeAsync(StreamEvents.Kinesis([.. plain, ("agg", aggregate)], sourceArn), new TestLambdaContext());

        Assert.Equal("{\"batchItemFailures\":[]}", Encoding.UTF8.GetString(response));
        var arrived = await stack.ReadAllAsync(destination);
        Assert.Equal(320, arrived.Count);
        foreach (var group in arrived.GroupBy(r => r.PartitionKey))
        {
            var numbers = group.OrderBy(r => r.SequenceNumber.Length).ThenBy(r => r.SequenceNumber, StringComparer.Ordinal)
                .Select(r => int.Parse(Encoding.UTF8.GetString(r.Data.Span)[5..^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(numbers.Order(), numbers);
        }
    }

    [Fact]
    public async Task Invoke_DestinationStreamMissing_ReportsFirstRecordAsBatchItemFailure()
    {
        var table = await LocalDynamoDb.CreateUniqueTableAsync(stack.DynamoDb, TableCatalog.FanoutTargets);
        await new FanoutTargetStore(stack.DynamoDb, table).PutAsync(Target(FanoutTargetType.Kinesis, "no-such-stream-" + Guid.NewGuid().ToString("N")[..8]), mustExist: false);
        var environment = new Dictionary<string, string>(stack.Environment) { ["FANOUT_TARGETS_TABLE"] = table };

        var response = await FanoutFunction.Create(name => environment.GetValueOrDefault(name))
            .InvokeAsync(StreamEvents.Kinesis([("k", "x"u8.ToArray()), ("k", "y"u8.ToArray())]), new TestLambdaContext());

        Assert.Equal($"{{\"batchItemFailures\":[{{\"itemIdentifier\":\"{StreamEvents.Sequence(0)}\"}}]}}", Encoding.UTF8.GetString(response));
    }

    [Fact]
    public async Task Store_MoreRowsThanOnePage_QueryReadsEveryPage()
    {
        var table = await LocalDynamoDb.CreateUniqueTableAsync(stack.DynamoDb, TableCatalog.FanoutTargets);
        var store = new FanoutTargetStore(stack.DynamoDb, table);
        var padding = new string('p', 8 * 1024);
        // 160 rows of ~8 KiB: over DynamoDB's 1 MB page, so a reader that stops at one page misses some.
        await Parallel.ForEachAsync(Enumerable.Range(0, 160), async (i, token) =>
            await store.PutAsync(Target(FanoutTargetType.Memcached, "cache:11211") with { Id = $"row-{i:D3}", KeyPrefix = padding }, mustExist: false, token));

        var rows = await store.QueryBySourceAsync(StreamEvents.SourceArn);

        Assert.Equal(160, rows.Count);
        Assert.All(rows, r => Assert.True(r.IsValid));
    }

    [Fact]
    public async Task Store_RegisterTwiceUpdateMissingActivateDelete_AreConditional()
    {
        var store = new FanoutTargetStore(stack.DynamoDb, await LocalDynamoDb.CreateUniqueTableAsync(stack.DynamoDb, TableCatalog.FanoutTargets));
        var target = Target(FanoutTargetType.Sqs, "https://sqs.us-east-1.amazonaws.com/123456789012/q") with { Active = false };

        var first = await store.PutAsync(target, mustExist: false);
        var second = await store.PutAsync(target, mustExist: false);
        var updateMissing = await store.PutAsync(target with { Id = "missing" }, mustExist: true);
        var activated = await store.SetActiveAsync(target.SourceArn, target.Id, active: true);
        var row = await store.GetAsync(target.SourceArn, target.Id);
        var deleted = await store.DeleteAsync(target.SourceArn, target.Id);
        var deletedAgain = await store.DeleteAsync(target.SourceArn, target.Id);

        Assert.Equal([true, false, false, true, true, false], new[] { first, second, updateMissing, activated, deleted, deletedAgain });
        Assert.True(row!.Target!.Active);
    }

    [Fact]
    public async Task Redis_SetWithTtl_ValuesReadBackWithExpiry()
    {
        var prefix = "fanout-test-" + Guid.NewGuid().ToString("N")[..8] + ":";
        var target = Target(FanoutTargetType.Redis, "redis://" + LocalStack.Redis) with { KeyPrefix = prefix, Ttl = 300 };

        var result = await DeliverAsync(target, [("a", "1"u8.ToArray()), ("b", "2"u8.ToArray()), ("a", "3"u8.ToArray())]);

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal("$1\r\n3\r\n", await RawAsync(LocalStack.Redis, $"GET {prefix}a\r\n", "\r\n", lines: 2));
        var ttl = await RawAsync(LocalStack.Redis, $"TTL {prefix}b\r\n", "\r\n", lines: 1);
        Assert.InRange(int.Parse(ttl[1..].Trim(), System.Globalization.CultureInfo.InvariantCulture), 1, 300);
    }

    [Fact]
    public async Task Memcached_Set_ValuesReadBack()
    {
        var prefix = "fanout-test-" + Guid.NewGuid().ToString("N")[..8] + ":";
        var target = Target(FanoutTargetType.Memcached, LocalStack.Memcached) with { KeyPrefix = prefix, Ttl = 60 };

        var result = await DeliverAsync(target, [("a", "hello"u8.ToArray()), ("with space", "x"u8.ToArray())]);

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal($"VALUE {prefix}a 0 5\r\nhello\r\nEND\r\n", await RawAsync(LocalStack.Memcached, $"get {prefix}a\r\n", "END\r\n", lines: 3));
        var hashed = MemcachedSender.KeyOf(prefix + "with space");
        Assert.Contains("\r\nx\r\n", await RawAsync(LocalStack.Memcached, $"get {hashed}\r\n", "END\r\n", lines: 3), StringComparison.Ordinal);
    }

    private async Task<FanoutResult> DeliverAsync(FanoutTarget target, IEnumerable<(string, byte[])> records)
    {
        var logger = new RecordingLambdaLogger();
        await using var senders = new TargetSenderFactory(stack.Aws, TimeProvider.System);
        var engine = new FanoutEngine(senders, new DeliveryLedger(), stack.Aws.RetryPolicy, null);
        var batch = SourceReader.Read(StreamEvents.Kinesis(records)).Single();
        return await engine.DeliverAsync(batch, [target], DateTimeOffset.UtcNow.AddSeconds(30), logger, new FanoutMetrics(logger, TimeProvider.System), CancellationToken.None);
    }

    private static async Task<string> RawAsync(string hostPort, string command, string terminator, int lines)
    {
        var parts = hostPort.Split(':');
        using var client = new TcpClient();
        await client.ConnectAsync(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(command));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!(text.ToString().EndsWith(terminator, StringComparison.Ordinal) && text.ToString().Split("\r\n").Length > lines))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}

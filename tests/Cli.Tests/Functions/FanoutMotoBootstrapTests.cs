using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Events;
using LambdaSuite.Harness.Kpl;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit.Dynamo;
using LambdaSuite.TestKit.Moto;

namespace Cli.Tests.Functions;

/// <summary>
/// Fanout end to end through moto: one Kinesis batch, handed to the real Native AOT bootstrap under a local Runtime
/// API, delivered to the four destinations its mapping table (DynamoDB Local) names: SNS into a raw SQS
/// subscription, an SQS FIFO queue, Firehose into S3 and IoT Data. Each destination is read back through moto
/// with boto3 (or moto's recorder for IoT Data), not through the clients the function used, and compared record by
/// record with the batch: the same bytes everywhere, and on the FIFO queue the same order within each partition key.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FanoutMotoBootstrapTests : IAsyncLifetime
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private static readonly int[] s_sizes = [0, 12, 300, 5_000, 40_000];
    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private readonly RepositoryLayout _layout = RepositoryLayout.Discover();
    private readonly string _run = $"fanout-moto-{Guid.NewGuid():N}";
    private string _table = "";

    public async Task InitializeAsync() => _table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.FanoutTargets);

    public async Task DisposeAsync()
    {
        await _dynamoDb.DeleteTableAsync(_table);
        _dynamoDb.Dispose();
    }

    [Fact]
    public async Task Bootstrap_OneKinesisBatchToFourMotoDestinations_EachHoldsEveryRecordAndFifoKeepsKeyOrder()
    {
        var destinations = await FanoutMotoDestinations.CreateAsync(_run);
        var sourceArn = $"arn:aws:kinesis:us-east-1:123456789012:stream/{_run}";
        await MapAsync(sourceArn, destinations);
        var (eventJson, expected) = Batch(sourceArn);
        await MotoIotData.StartRecordingAsync();

        var logs = new List<string>();
        InvocationOutcome outcome;
        var environment = new Dictionary<string, string?> { [TableCatalog.FanoutTargets.EnvironmentVariable] = _table, ["FANOUT_CONFIG_TTL_SECONDS"] = "0" };
        await using (var session = await BootstrapSession.StartAsync(_layout.PackagedBootstrap("Fanout"), "Fanout", l => { lock (logs) { logs.Add(l); } }, default, environment))
        {
            outcome = await session.InvokeAsync(eventJson, s_timeout, default);
        }

        var topicQueue = await destinations.DrainTopicQueueAsync();
        var fifo = await destinations.DrainFifoQueueAsync();
        var bucket = await destinations.ReadBucketRecordsAsync();
        var iot = await MotoIotData.PublishedAsync(destinations.IotTopic);

        Assert.False(outcome.IsError, Encoding.UTF8.GetString(outcome.Body));
        Assert.Equal("{\"batchItemFailures\":[]}", Encoding.UTF8.GetString(outcome.Body));
        var expectedSet = Multiset(expected.Select(r => r.Data));
        Assert.Equal(expectedSet, Multiset(topicQueue.Select(m => m.Data)));
        Assert.Equal(expectedSet, Multiset(fifo.Select(m => m.Data)));
        Assert.Equal(expectedSet, Multiset(bucket));
        Assert.Equal(expectedSet, Multiset(iot.Select(p => p.Payload)));
        Assert.All(iot, p => Assert.Equal(1, p.Qos));
        foreach (var key in expected.Select(r => r.Key).Distinct())
        {
            Assert.Equal(
                expected.Where(r => r.Key == key).Select(r => Convert.ToBase64String(r.Data)),
                fifo.Where(m => m.Group == key).Select(m => Convert.ToBase64String(m.Data)));
        }

        lock (logs)
        {
            Assert.DoesNotContain(logs, l => l.Contains("\"level\":\"ERROR\"", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>One row per destination; the Firehose row ends each record with a newline so S3's objects can be cut back into records.</summary>
    private async Task MapAsync(string sourceArn, FanoutMotoDestinations destinations)
    {
        var store = new FanoutTargetStore(_dynamoDb, _table);
        FanoutTarget[] rows =
        [
            new() { SourceArn = sourceArn, Id = "to-sns", Type = FanoutTargetType.Sns, Destination = destinations.TopicArn, Active = true, Deaggregate = true },
            new() { SourceArn = sourceArn, Id = "to-fifo", Type = FanoutTargetType.Sqs, Destination = destinations.FifoQueueUrl, Active = true, Deaggregate = true },
            new() { SourceArn = sourceArn, Id = "to-firehose", Type = FanoutTargetType.Firehose, Destination = destinations.DeliveryStream, Active = true, Deaggregate = true, AppendNewlines = true },
            new() { SourceArn = sourceArn, Id = "to-iot", Type = FanoutTargetType.Iot, Destination = "", Topic = destinations.IotTopic, Qos = 1, Active = true, Deaggregate = true },
        ];
        foreach (var row in rows)
        {
            Assert.True(await store.PutAsync(row, mustExist: false));
        }
    }

    /// <summary>
    /// Twelve plain records over three partition keys in sizes from empty to 40,000 bytes, one record that is not
    /// UTF-8 (SQS and SNS get it as base64, flagged by an attribute), and a KPL aggregate of three user records whose
    /// keys interleave with the plain ones; none holds a newline. Returns the event and the user records in order.
    /// </summary>
    private static (byte[] Event, List<(string Key, byte[] Data)> Expected) Batch(string sourceArn)
    {
        var plain = new List<(string Key, byte[] Data)>();
        for (var i = 0; i < 12; i++)
        {
            var key = $"sensor-{(i % 3) + 1}";
            plain.Add((key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{key}#{i}:") + new string((char)('a' + i), s_sizes[i % s_sizes.Length]))));
        }

        plain.Add(("sensor-2", [.. "sensor-2#binary:"u8, 0xFF, 0xFE, 0x00, 0x01, 0xC3]));
        (string Key, byte[] Data)[] aggregated = [("door-1", "door-1:open"u8.ToArray()), ("sensor-1", "sensor-1#kpl:ü ✓"u8.ToArray()), ("door-1", "door-1:closed"u8.ToArray())];
        var aggregate = KplAggregator.Aggregate([.. aggregated.Select(r => new KplRecord(r.Key, null, r.Data))]);

        var records = new List<KinesisEventRecord>();
        var expected = new List<(string Key, byte[] Data)>();
        var sequence = 0;
        string Next() => (49_000_000_000_000_000m + sequence++).ToString(CultureInfo.InvariantCulture);
        foreach (var (key, data) in plain[..6])
        {
            records.Add(new KinesisEventRecord(key, Next(), data, 1_700_000_000));
            expected.Add((key, data));
        }

        records.Add(new KinesisEventRecord("door-1", Next(), aggregate, 1_700_000_000));
        expected.AddRange(aggregated);
        foreach (var (key, data) in plain[6..])
        {
            records.Add(new KinesisEventRecord(key, Next(), data, 1_700_000_000));
            expected.Add((key, data));
        }

        return (KinesisEventJson.Write(records, sourceArn), expected);
    }

    private static List<string> Multiset(IEnumerable<byte[]> records) => [.. records.Select(Convert.ToBase64String).Order(StringComparer.Ordinal)];
}

using System.Text;
using System.Text.Json;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Kinesis;
using LambdaSuite.Data;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Events;
using LambdaSuite.Harness.Kpl;
using LambdaSuite.Harness.Runtime;

namespace LambdaSuite.Demo;

/// <summary>
/// Fanout through its bootstrap: records (plain, one KPL aggregate, one corrupt aggregate) put into a kinesalite
/// stream, read back as the Kinesis event Lambda would send, then delivered by the bootstrap to another kinesalite
/// stream, Redis and memcached (when the stack runs them) and, in moto, SNS into SQS, an SQS FIFO queue, Firehose
/// into S3 and IoT Data, with the corrupt aggregate diverted to a dead-letter queue in moto's SQS. What arrived in
/// moto is read back with boto3 (<see cref="FanoutMotoTargets"/>).
/// </summary>
public static class FanoutDemo
{
    private static readonly string[] s_plain = ["sensor-1:21.5", "sensor-2:19.0", "sensor-1:21.7", "sensor-3:18.2", "sensor-2:19.4", "sensor-1:22.0"];
    private static readonly string[] s_kpl = ["door-1:open", "door-1:closed", "door-2:open"];

    public static async Task<int> RunAsync(RepositoryLayout layout, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("\n== Fanout: kinesalite stream -> Kinesis event -> bootstrap -> kinesalite, Redis, memcached; moto SNS->SQS, SQS FIFO, Firehose->S3, IoT Data; dead-letter queue").ConfigureAwait(false);
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        using var aws = AwsClientFactory.FromEnvironment(environment);
        var kinesis = aws.CreateKinesis();
        var run = Guid.NewGuid().ToString("N")[..8];
        var source = await CreateStreamAsync(kinesis, "fanout-demo-in-" + run, ct).ConfigureAwait(false);
        var destination = await CreateStreamAsync(kinesis, "fanout-demo-out-" + run, ct).ConfigureAwait(false);

        var records = s_plain.Select(text => new PutRecordsRequestEntry { PartitionKey = text.Split(':')[0], Data = Encoding.UTF8.GetBytes(text) }).ToList();
        var aggregate = KplAggregator.Aggregate([.. s_kpl.Select(text => new KplRecord(text.Split(':')[0], null, Encoding.UTF8.GetBytes(text)))]);
        var corrupt = aggregate.ToArray();
        corrupt[^1] ^= 0xFF;
        records.Add(new PutRecordsRequestEntry { PartitionKey = "door-1", Data = aggregate });
        records.Add(new PutRecordsRequestEntry { PartitionKey = "door-9", Data = corrupt });
        await kinesis.PutRecordsAsync(new PutRecordsRequest { StreamName = source.Name, Records = records }, ct).ConfigureAwait(false);
        var read = await ReadAllAsync(kinesis, source.Name, records.Count, ct).ConfigureAwait(false);
        var eventJson = KinesisEventJson.Write(
            [.. read.Select(r => new KinesisEventRecord(r.PartitionKey, r.SequenceNumber, r.Data, r.ApproximateArrivalTimestamp.ToUnixTimeMilliseconds() / 1000.0))], source.Arn);
        await output.WriteLineAsync($"  put {records.Count} records into {source.Name} (6 plain, 1 KPL aggregate of 3, 1 corrupt aggregate); read back as a {eventJson.Length}-byte Kinesis event").ConfigureAwait(false);

        var moto = await FanoutMotoTargets.CreateAsync("fanout-demo-" + run, ct).ConfigureAwait(false);
        var redis = environment("SUITE_REDIS");
        var memcached = environment("SUITE_MEMCACHED");
        var store = new FanoutTargetStore(DynamoDbClientFactory.Create(environment), TableCatalog.FanoutTargets.ResolveName(environment));
        var prefix = "fanout-demo-" + run + ":";
        var mappings = new List<FanoutTarget>
        {
            Mapping(source.Arn, "to-kinesis", FanoutTargetType.Kinesis, destination.Name) with { Deaggregate = true, DeadLetter = moto.DeadLetterUrl },
        };
        if (!string.IsNullOrEmpty(redis))
        {
            mappings.Add(Mapping(source.Arn, "to-redis", FanoutTargetType.Redis, redis) with { Deaggregate = true, KeyPrefix = prefix, Ttl = 600, DeadLetter = moto.DeadLetterUrl });
        }

        if (!string.IsNullOrEmpty(memcached))
        {
            mappings.Add(Mapping(source.Arn, "to-memcached", FanoutTargetType.Memcached, memcached) with { Deaggregate = true, KeyPrefix = prefix, Ttl = 600, DeadLetter = moto.DeadLetterUrl });
        }

        mappings.AddRange(moto.Mappings(source.Arn));
        foreach (var mapping in mappings)
        {
            await store.PutAsync(mapping, mustExist: false, ct).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  mappings for {source.Arn}: {string.Join(", ", mappings.Select(m => FanoutTargetTypes.NameOf(m.Type) + " " + m.Destination))}").ConfigureAwait(false);

        var logs = new List<string>();
        InvocationOutcome outcome;
        var variables = new Dictionary<string, string?> { [Fanout.FanoutSettings.Variables.ConfigTtl] = "0" };
        await using (var session = await BootstrapSession.StartAsync(layout.PackagedBootstrap("Fanout"), "Fanout", line => { lock (logs) { logs.Add(line); } }, ct, variables).ConfigureAwait(false))
        {
            outcome = await session.InvokeAsync(eventJson, TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
        }

        var answer = outcome.IsError ? "error: " + outcome.Error?.ErrorMessage : Encoding.UTF8.GetString(outcome.Body);
        await output.WriteLineAsync("  bootstrap answered " + answer).ConfigureAwait(false);

        var wrong = new List<string>();
        if (answer != "{\"batchItemFailures\":[]}")
        {
            wrong.Add("the batch reported failures");
        }

        var arrived = await ReadAllAsync(kinesis, destination.Name, s_plain.Length + s_kpl.Length, ct).ConfigureAwait(false);
        await output.WriteLineAsync($"  {destination.Name} holds {arrived.Count} records:").ConfigureAwait(false);
        foreach (var record in arrived)
        {
            await output.WriteLineAsync($"    {record.PartitionKey,-9} {Encoding.UTF8.GetString(record.Data.Span)}").ConfigureAwait(false);
        }

        var expected = s_plain.Concat(s_kpl).ToList();
        var texts = arrived.Select(r => Encoding.UTF8.GetString(r.Data.Span)).ToList();
        if (!texts.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)))
        {
            wrong.Add("the destination stream does not hold exactly the 9 good records");
        }

        foreach (var key in expected.Select(t => t.Split(':')[0]).Distinct())
        {
            if (!texts.Where(t => t.StartsWith(key + ":", StringComparison.Ordinal)).SequenceEqual(expected.Where(t => t.StartsWith(key + ":", StringComparison.Ordinal))))
            {
                wrong.Add($"records of key {key} arrived out of order");
            }
        }

        // Caches keep the last value per key: the key's latest record.
        var latest = expected.GroupBy(t => t.Split(':')[0]).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(redis))
        {
            await CheckCacheAsync(output, "redis", latest, key => CacheRead.RedisGetAsync(redis, prefix + key, ct), wrong).ConfigureAwait(false);
        }

        if (!string.IsNullOrEmpty(memcached))
        {
            await CheckCacheAsync(output, "memcached", latest, key => CacheRead.MemcachedGetAsync(memcached, prefix + key, ct), wrong).ConfigureAwait(false);
        }

        var letters = await moto.CheckAsync(output, expected, wrong, ct).ConfigureAwait(false);
        await output.WriteLineAsync($"  dead-letter queue: {letters.Count} message(s)").ConfigureAwait(false);
        foreach (var letter in letters)
        {
            await output.WriteLineAsync("    " + (letter.Length <= 140 ? letter : letter[..140] + "…")).ConfigureAwait(false);
        }

        var corruptLetters = letters.Count(l => l.Contains("\"kind\":\"Corrupt\"", StringComparison.Ordinal));
        if (corruptLetters != mappings.Count || letters.Count != mappings.Count)
        {
            wrong.Add($"expected one Corrupt dead letter per target ({mappings.Count}), got {corruptLetters} of {letters.Count}");
        }

        foreach (var mapping in mappings)
        {
            await store.DeleteAsync(mapping.SourceArn, mapping.Id, ct).ConfigureAwait(false);
        }

        await output.WriteLineAsync(wrong.Count == 0
            ? $"  Fanout: every good record reached all {mappings.Count} targets, in key order on the ordered ones; the corrupt aggregate went to the dead-letter queue, nothing blocked."
            : "  Fanout: unexpected: " + string.Join("; ", wrong)).ConfigureAwait(false);
        return wrong.Count == 0 ? 0 : 1;
    }

    private static FanoutTarget Mapping(string source, string id, FanoutTargetType type, string destination) =>
        new() { SourceArn = source, Id = id, Type = type, Destination = destination, Active = true };

    private static async Task CheckCacheAsync(TextWriter output, string name, Dictionary<string, string> latest, Func<string, Task<string?>> read, List<string> wrong)
    {
        var values = new List<string>();
        foreach (var (key, value) in latest)
        {
            var got = await read(key).ConfigureAwait(false);
            values.Add($"{key}={got ?? "(none)"}");
            if (got != value)
            {
                wrong.Add($"{name}: {key} is {got ?? "missing"}, not {value}");
            }
        }

        await output.WriteLineAsync($"  {name}: {string.Join("  ", values)}").ConfigureAwait(false);
    }

    private static async Task<(string Name, string Arn)> CreateStreamAsync(KinesisClient kinesis, string name, CancellationToken ct)
    {
        await kinesis.CreateStreamAsync(new CreateStreamRequest { StreamName = name, ShardCount = 1 }, ct).ConfigureAwait(false);
        for (var poll = 0; poll < 200; poll++)
        {
            var summary = (await kinesis.DescribeStreamSummaryAsync(new DescribeStreamSummaryRequest { StreamName = name }, ct).ConfigureAwait(false)).StreamDescriptionSummary;
            if (summary.StreamStatus == "ACTIVE")
            {
                return (name, summary.StreamARN);
            }

            await Task.Delay(50, ct).ConfigureAwait(false);
        }

        throw new TimeoutException($"Stream {name} did not become ACTIVE.");
    }

    private static async Task<List<Record>> ReadAllAsync(KinesisClient kinesis, string stream, int expected, CancellationToken ct)
    {
        var records = new List<Record>();
        await foreach (var shard in kinesis.ListAllShardsAsync(stream, ct).ConfigureAwait(false))
        {
            var iterator = (await kinesis.GetShardIteratorAsync(new GetShardIteratorRequest { StreamName = stream, ShardId = shard.ShardId, ShardIteratorType = ShardIteratorType.TrimHorizon }, ct).ConfigureAwait(false)).ShardIterator;
            for (var poll = 0; poll < 20 && iterator is not null && records.Count < expected; poll++)
            {
                var page = await kinesis.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator }, ct).ConfigureAwait(false);
                records.AddRange(page.Records);
                iterator = page.NextShardIterator;
            }
        }

        return records;
    }
}

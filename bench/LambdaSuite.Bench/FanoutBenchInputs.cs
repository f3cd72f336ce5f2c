using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaSuite.Harness.Events;
using LambdaSuite.Harness.Kpl;

namespace LambdaSuite.Bench;

/// <summary>
/// The bench's three inputs, reproducible from a seed and a record count: plain Kinesis records of about 1 KB, the
/// same records KPL-aggregated into aggregates of at most 50 KB, and DynamoDB Streams INSERT/MODIFY records with
/// images of about 1 KB.
/// </summary>
internal static class FanoutBenchInputs
{
    public const string KinesisSource = "arn:aws:kinesis:us-east-1:123456789012:stream/bench-source";
    public const string DynamoDbSource = "arn:aws:dynamodb:us-east-1:123456789012:table/bench/stream/2026-01-01T00:00:00.000";
    public const int MaxAggregateBytes = 50 * 1024;

    public static List<(string Key, byte[] Data)> Records(int seed, int count, int size)
    {
        var random = new Random(seed);
        var records = new List<(string, byte[])>(count);
        for (var i = 0; i < count; i++)
        {
            var filler = new StringBuilder(size);
            while (filler.Length < size - 80)
            {
                filler.Append((char)('a' + random.Next(26)));
            }

            var json = $"{{\"id\":{i.ToString(CultureInfo.InvariantCulture)},\"device\":\"d-{random.Next(100).ToString(CultureInfo.InvariantCulture)}\",\"value\":{random.NextDouble().ToString("R", CultureInfo.InvariantCulture)},\"text\":\"{filler}\"}}";
            records.Add(("device-" + random.Next(100).ToString(CultureInfo.InvariantCulture), Encoding.UTF8.GetBytes(json)));
        }

        return records;
    }

    public static byte[] PlainKinesisEvent(List<(string Key, byte[] Data)> records) => KinesisEvent(records);

    public static byte[] AggregatedKinesisEvent(List<(string Key, byte[] Data)> records)
    {
        var aggregates = new List<(string, byte[])>();
        var current = new List<KplRecord>();
        var bytes = 0;
        foreach (var (key, data) in records)
        {
            // Each user record costs its data, its key (first use) and ~10 bytes of protobuf framing.
            if (current.Count > 0 && bytes + data.Length + key.Length + 10 > MaxAggregateBytes - 40)
            {
                aggregates.Add((current[0].PartitionKey, KplAggregator.Aggregate(current)));
                current = [];
                bytes = 0;
            }

            current.Add(new KplRecord(key, null, data));
            bytes += data.Length + key.Length + 10;
        }

        if (current.Count > 0)
        {
            aggregates.Add((current[0].PartitionKey, KplAggregator.Aggregate(current)));
        }

        return KinesisEvent(aggregates);
    }

    public static byte[] DynamoDbEvent(int seed, int count, int size)
    {
        var random = new Random(seed);
        using var buffer = new MemoryStream(count * (size + 600));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            for (var i = 0; i < count; i++)
            {
                var modify = i % 2 == 1;
                writer.WriteStartObject();
                writer.WriteString("eventID", "e" + i.ToString(CultureInfo.InvariantCulture));
                writer.WriteString("eventName", modify ? "MODIFY" : "INSERT");
                writer.WriteString("eventVersion", "1.1");
                writer.WriteString("eventSource", "aws:dynamodb");
                writer.WriteString("awsRegion", "us-east-1");
                writer.WriteString("eventSourceARN", DynamoDbSource);
                writer.WriteStartObject("dynamodb");
                writer.WriteNumber("ApproximateCreationDateTime", 1767225600 + i);
                writer.WriteStartObject("Keys");
                WriteS(writer, "pk", "item-" + (i / 2).ToString(CultureInfo.InvariantCulture));
                writer.WriteEndObject();
                WriteImage(writer, "NewImage", random, i / 2, size / (modify ? 2 : 1));
                if (modify)
                {
                    WriteImage(writer, "OldImage", random, i / 2, size / 2);
                }

                writer.WriteString("SequenceNumber", (100000000000000000000m + i).ToString(CultureInfo.InvariantCulture));
                writer.WriteNumber("SizeBytes", size);
                writer.WriteString("StreamViewType", "NEW_AND_OLD_IMAGES");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteImage(Utf8JsonWriter writer, string name, Random random, int item, int size)
    {
        writer.WriteStartObject(name);
        WriteS(writer, "pk", "item-" + item.ToString(CultureInfo.InvariantCulture));
        writer.WriteStartObject("price");
        writer.WriteString("N", random.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + random.Next(100).ToString("D2", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        writer.WriteStartObject("count");
        writer.WriteString("N", random.NextInt64().ToString(CultureInfo.InvariantCulture));
        writer.WriteEndObject();
        var text = new StringBuilder(size);
        while (text.Length < size - 120)
        {
            text.Append((char)('a' + random.Next(26)));
        }

        WriteS(writer, "description", text.ToString());
        writer.WriteEndObject();
    }

    private static void WriteS(Utf8JsonWriter writer, string name, string value)
    {
        writer.WriteStartObject(name);
        writer.WriteString("S", value);
        writer.WriteEndObject();
    }

    private static byte[] KinesisEvent(List<(string Key, byte[] Data)> records) => KinesisEventJson.Write(
        [.. records.Select((r, i) => new KinesisEventRecord(r.Key, "4959033827149025660855969253836157109592157598913" + i.ToString("D7", CultureInfo.InvariantCulture), r.Data, 1767225600.5))],
        KinesisSource);
}

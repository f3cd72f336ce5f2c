using System.Text;
using System.Text.Json;

namespace Fanout.Tests;

/// <summary>Kinesis event JSON written the way Lambda sends it, from records the test names.</summary>
public static class StreamEvents
{
    public const string SourceArn = "arn:aws:kinesis:us-east-1:123456789012:stream/source";

    /// <summary>A Kinesis-like 56-digit sequence number; ordered as the records are, by string length then digits.</summary>
    public static string Sequence(int i) => "49590338271490256608559692538361571095921575989136" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Kinesis(IEnumerable<(string PartitionKey, byte[] Data)> records, string sourceArn = SourceArn)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            var i = 0;
            foreach (var (key, data) in records)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("kinesis");
                writer.WriteString("kinesisSchemaVersion", "1.0");
                writer.WriteString("partitionKey", key);
                writer.WriteString("sequenceNumber", Sequence(i));
                writer.WriteBase64String("data", data);
                writer.WriteNumber("approximateArrivalTimestamp", 1767225600.123);
                writer.WriteEndObject();
                writer.WriteString("eventSource", "aws:kinesis");
                writer.WriteString("eventVersion", "1.0");
                writer.WriteString("eventID", "shardId-000000000000:" + Sequence(i));
                writer.WriteString("eventName", "aws:kinesis:record");
                writer.WriteString("awsRegion", "us-east-1");
                writer.WriteString("eventSourceARN", sourceArn);
                writer.WriteEndObject();
                i++;
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);
}

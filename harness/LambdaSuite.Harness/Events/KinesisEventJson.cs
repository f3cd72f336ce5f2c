using System.Text.Json;

namespace LambdaSuite.Harness.Events;

/// <summary>
/// Writes the event Lambda's Kinesis event source mapping sends (<c>{"Records":[{"kinesis":{…},"eventSource":…}]}</c>)
/// for records read from a stream (the demo) or generated (the bench), so both feed the function the same shape.
/// </summary>
public static class KinesisEventJson
{
    public static byte[] Write(IReadOnlyCollection<KinesisEventRecord> records, string sourceArn, string region = "us-east-1")
    {
        ArgumentNullException.ThrowIfNull(records);
        using var buffer = new MemoryStream(records.Sum(r => r.Data.Length) * 4 / 3 + records.Count * 400);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            foreach (var record in records)
            {
                writer.WriteStartObject();
                writer.WriteStartObject("kinesis");
                writer.WriteString("kinesisSchemaVersion", "1.0");
                writer.WriteString("partitionKey", record.PartitionKey);
                writer.WriteString("sequenceNumber", record.SequenceNumber);
                writer.WriteBase64String("data", record.Data.Span);
                writer.WriteNumber("approximateArrivalTimestamp", record.ArrivalSeconds);
                writer.WriteEndObject();
                writer.WriteString("eventSource", "aws:kinesis");
                writer.WriteString("eventVersion", "1.0");
                writer.WriteString("eventID", "shardId-000000000000:" + record.SequenceNumber);
                writer.WriteString("eventName", "aws:kinesis:record");
                writer.WriteString("invokeIdentityArn", "arn:aws:iam::123456789012:role/fanout");
                writer.WriteString("awsRegion", region);
                writer.WriteString("eventSourceARN", sourceArn);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

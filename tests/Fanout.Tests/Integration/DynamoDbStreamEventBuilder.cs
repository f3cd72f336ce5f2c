using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Fanout.Tests.Integration;

/// <summary>Records read through the DynamoDB Streams API, written as the event Lambda would send for them.</summary>
public static class DynamoDbStreamEventBuilder
{
    public static byte[] Build(string streamArn, IEnumerable<Record> records)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            foreach (var record in records)
            {
                writer.WriteStartObject();
                writer.WriteString("eventID", record.EventID);
                writer.WriteString("eventName", record.EventName.Value);
                writer.WriteString("eventVersion", record.EventVersion);
                writer.WriteString("eventSource", "aws:dynamodb");
                writer.WriteString("awsRegion", record.AwsRegion);
                writer.WriteString("eventSourceARN", streamArn);
                writer.WriteStartObject("dynamodb");
                var stream = record.Dynamodb;
                writer.WriteNumber("ApproximateCreationDateTime", new DateTimeOffset(stream.ApproximateCreationDateTime ?? DateTime.UnixEpoch, TimeSpan.Zero).ToUnixTimeSeconds());
                WriteImage(writer, "Keys", stream.Keys);
                WriteImage(writer, "NewImage", stream.NewImage);
                WriteImage(writer, "OldImage", stream.OldImage);
                writer.WriteString("SequenceNumber", stream.SequenceNumber);
                writer.WriteNumber("SizeBytes", stream.SizeBytes ?? 0);
                writer.WriteString("StreamViewType", stream.StreamViewType?.Value);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteImage(Utf8JsonWriter writer, string name, Dictionary<string, AttributeValue>? image)
    {
        if (image is not { Count: > 0 })
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in image)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        if (value.S is not null)
        {
            writer.WriteString("S", value.S);
        }
        else if (value.N is not null)
        {
            writer.WriteString("N", value.N);
        }
        else if (value.B is not null)
        {
            writer.WriteBase64String("B", value.B.ToArray());
        }
        else if (value.BOOL is { } flag)
        {
            writer.WriteBoolean("BOOL", flag);
        }
        else if (value.M is not null)
        {
            writer.WritePropertyName("M");
            writer.WriteStartObject();
            foreach (var (key, inner) in value.M)
            {
                writer.WritePropertyName(key);
                WriteValue(writer, inner);
            }

            writer.WriteEndObject();
        }
        else if (value.L is not null)
        {
            writer.WriteStartArray("L");
            foreach (var inner in value.L)
            {
                WriteValue(writer, inner);
            }

            writer.WriteEndArray();
        }
        else if (value.SS is { Count: > 0 })
        {
            writer.WriteStartArray("SS");
            value.SS.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }
        else if (value.NS is { Count: > 0 })
        {
            writer.WriteStartArray("NS");
            value.NS.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteBoolean("NULL", true);
        }

        writer.WriteEndObject();
    }
}

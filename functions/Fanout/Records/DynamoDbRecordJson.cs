using System.Buffers;
using System.Globalization;
using System.Text.Json;
using LambdaSuite.Events;
using LambdaSuite.Events.DynamoDb;

namespace Fanout.Records;

/// <summary>
/// A DynamoDB Streams record as one JSON object: eventName, eventID, Keys, NewImage, OldImage, SequenceNumber and
/// ApproximateCreationDateTime (the original forwarded only NewImage). Typed form keeps the attribute values as the
/// stream sent them; plain form converts them (numbers verbatim, never through a double; binary as base64).
/// </summary>
internal static class DynamoDbRecordJson
{
    public static byte[] Write(DynamoDbStreamEventRecord record, bool plain, ArrayBufferWriter<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("eventName", record.EventName);
            writer.WriteString("eventID", record.EventId);
            writer.WriteString("eventSourceARN", record.EventSourceArn);
            var stream = record.DynamoDb;
            if (stream is not null)
            {
                WriteImage(writer, "Keys", stream.Keys, plain);
                WriteImage(writer, "NewImage", stream.NewImage, plain);
                WriteImage(writer, "OldImage", stream.OldImage, plain);
                writer.WriteString("SequenceNumber", stream.SequenceNumber);
                writer.WritePropertyName("ApproximateCreationDateTime");
                writer.WriteRawValue(stream.ApproximateCreationDateTime.ToString("R", CultureInfo.InvariantCulture));
                if (stream.StreamViewType is not null)
                {
                    writer.WriteString("StreamViewType", stream.StreamViewType);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The keys as compact plain JSON: a stable partition key for ordering and cache keys.</summary>
    public static string KeyText(DynamoDbStreamEventRecord record, ArrayBufferWriter<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(buffer);
        if (record.DynamoDb?.Keys is not { Count: > 0 } keys)
        {
            return record.EventId ?? "";
        }

        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in keys.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                DynamoDbPlainJson.WriteValue(writer, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteImage(Utf8JsonWriter writer, string name, Dictionary<string, DynamoDbAttributeValue>? image, bool plain)
    {
        if (image is null)
        {
            return;
        }

        writer.WritePropertyName(name);
        if (plain)
        {
            DynamoDbPlainJson.WriteItem(writer, image);
        }
        else
        {
            JsonSerializer.Serialize(writer, image, EventsJsonContext.Default.DictionaryStringDynamoDbAttributeValue);
        }
    }
}

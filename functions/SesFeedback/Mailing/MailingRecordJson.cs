using System.Buffers;
using System.Text.Json;
using LambdaSuite.Data;
using LambdaSuite.Data.Mailing;

namespace SesFeedback.Mailing;

/// <summary>The public JSON view of a mailing record (HTTP and CLI), written without reflection.</summary>
public static class MailingRecordJson
{
    public static byte[] Serialize(MailingRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            Write(writer, record);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void Write(Utf8JsonWriter writer, MailingRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteString("address", record.Address);
        writer.WriteString("state", record.State == MailingState.Suppressed ? "suppressed" : "active");
        WriteOptional(writer, "suppressionReason", record.SuppressionReason);
        WriteOptional(writer, "suppressedSince", record.SuppressedSince is { } since ? DynamoTime.Format(since) : null);
        if (record.SuppressedBy is { } by)
        {
            writer.WritePropertyName("suppressedBy");
            WriteEvent(writer, by);
        }

        writer.WriteNumber("softBounceCount", record.SoftBounceCount);
        writer.WriteStartObject("totals");
        foreach (var (kind, count) in record.Totals)
        {
            writer.WriteNumber(kind, count);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("lastEventAt");
        foreach (var (kind, at) in record.LastEventAt)
        {
            writer.WriteString(kind, DynamoTime.Format(at));
        }

        writer.WriteEndObject();
        WriteOptional(writer, "lastMessageId", record.LastMessageId);
        WriteOptional(writer, "lastFeedbackId", record.LastFeedbackId);
        WriteOptional(writer, "sender", record.Sender);
        WriteOptional(writer, "configurationSet", record.ConfigurationSet);
        writer.WriteStartArray("history");
        foreach (var e in record.HardEvents.Concat(record.SoftBounces).Concat(record.Unsuppressions).OrderBy(e => e, Comparer<MailingEvent>.Create(MailingEvent.CompareByTime)))
        {
            WriteEvent(writer, e);
        }

        writer.WriteEndArray();
        writer.WriteNumber("version", record.Version);
        writer.WriteString("updatedAt", DynamoTime.Format(record.UpdatedAt));
        writer.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter writer, MailingEvent e)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", e.Kind.ToString());
        writer.WriteString("at", DynamoTime.Format(e.At));
        WriteOptional(writer, "bounceType", e.BounceType);
        WriteOptional(writer, "bounceSubType", e.BounceSubType);
        WriteOptional(writer, "diagnosticCode", e.DiagnosticCode);
        WriteOptional(writer, "complaintFeedbackType", e.ComplaintFeedbackType);
        WriteOptional(writer, "feedbackId", e.FeedbackId);
        WriteOptional(writer, "messageId", e.MessageId);
        WriteOptional(writer, "note", e.Note);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}

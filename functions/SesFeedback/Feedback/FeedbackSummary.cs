using System.Buffers;
using System.Text.Json;

namespace SesFeedback.Feedback;

/// <summary>Totals over one invocation, returned as the function's response for SNS, EventBridge and direct invokes.</summary>
internal sealed class FeedbackSummary
{
    public int Messages { get; private set; }

    public int Applied { get; private set; }

    public int Duplicates { get; private set; }

    public List<string> Rejected { get; } = [];

    public List<SkippedRecipient> SkippedRecipients { get; } = [];

    public void Add(FeedbackResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Messages++;
        Applied += result.Applied;
        Duplicates += result.Duplicates;
        SkippedRecipients.AddRange(result.SkippedRecipients);
    }

    public void Reject(string messageId, string reason)
    {
        Messages++;
        Rejected.Add($"{messageId}: {reason}");
    }

    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("messages", Messages);
            writer.WriteNumber("applied", Applied);
            writer.WriteNumber("duplicates", Duplicates);
            writer.WriteStartArray("rejected");
            Rejected.ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
            writer.WriteStartArray("skippedRecipients");
            foreach (var skipped in SkippedRecipients)
            {
                writer.WriteStartObject();
                writer.WriteString("address", skipped.Address);
                writer.WriteString("reason", skipped.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

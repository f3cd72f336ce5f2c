using System.Globalization;
using Fanout.Delivery;

namespace Fanout.Targets;

/// <summary>
/// What SNS PublishBatch and SQS SendMessageBatch entries share: the per-entry string attributes (idempotency
/// key, body encoding) and how a per-entry failure maps back to its position. Each sender keeps only its
/// service's own request types.
/// </summary>
internal static class BatchEntries
{
    /// <summary>The string attributes an entry carries; empty when it needs none.</summary>
    public static IEnumerable<KeyValuePair<string, string>> StringAttributes(string idempotencyKey, bool isBase64)
    {
        if (idempotencyKey.Length > 0)
        {
            yield return new(MessageText.IdAttribute, idempotencyKey);
        }

        if (isBase64)
        {
            yield return new(MessageText.EncodingAttribute, "base64");
        }
    }

    /// <summary>A failed entry (its batch id is its position) as the delivery engine sees it.</summary>
    public static EntryFailure Failure(string? id, string code, string? message, bool senderFault, bool throttled) =>
        new(int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : -1, code, message ?? "", Retryable: !senderFault, Throttled: throttled);

    /// <summary>
    /// A starting size for a batch body: each entry's bytes (base64 when sent so) and idempotency key plus
    /// <paramref name="perEntry"/> for names and escapes; the buffer grows past it, the hint only saves the first steps.
    /// </summary>
    public static int SizeHint(IReadOnlyList<OutgoingMessage> entries, int perEntry)
    {
        var size = 0;
        foreach (var entry in entries)
        {
            size += (entry.SentAsBase64 ? System.Buffers.Text.Base64.GetMaxEncodedToUtf8Length(entry.Body.Length) : entry.Body.Length) + entry.IdempotencyKey.Length + perEntry;
        }

        return size;
    }

    /// <summary>The string attributes an entry carries, or null when it carries none.</summary>
    public static IEnumerable<KeyValuePair<string, string>>? AttributesOf(OutgoingMessage entry) =>
        entry.IdempotencyKey.Length == 0 && !entry.SentAsBase64 ? null : StringAttributes(entry.IdempotencyKey, entry.SentAsBase64);
}

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
    private static readonly KeyValuePair<string, string>[] s_base64Only = [new(MessageText.EncodingAttribute, "base64")];

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

    /// <summary>
    /// The string attributes an entry carries, idempotency key first, then the body's encoding when it is base64 (SQS
    /// sends them in this order; SNS sorts them by name), or null when it carries none.
    /// An array, not an iterator: a batch body enumerates it without an enumerator object and copies of it per entry.
    /// </summary>
    public static KeyValuePair<string, string>[]? AttributesOf(OutgoingMessage entry) => (entry.IdempotencyKey.Length > 0, entry.SentAsBase64) switch
    {
        (false, false) => null,
        (true, false) => [new(MessageText.IdAttribute, entry.IdempotencyKey)],
        (false, true) => s_base64Only,
        (true, true) => [new(MessageText.IdAttribute, entry.IdempotencyKey), new(MessageText.EncodingAttribute, "base64")],
    };
}

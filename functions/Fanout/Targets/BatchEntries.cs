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
}

using LambdaSuite.Events;

namespace LambdaSuite.Harness.Runtime;

/// <summary>
/// What Lambda's SQS event source mapping, with <c>ReportBatchItemFailures</c> on, makes of a function's answer:
/// a function error, or an item identifier that is empty, null or not a message of the batch, fails the whole batch;
/// an empty or missing <c>batchItemFailures</c> (or an empty answer) is a complete success; otherwise exactly the
/// named messages failed. Failed messages are left in the queue to come back after their visibility timeout.
/// </summary>
public sealed record SqsBatchVerdict(IReadOnlySet<string> FailedMessageIds, bool WholeBatchFailed, string? Reason)
{
    public static SqsBatchVerdict Judge(InvocationOutcome outcome, IReadOnlyCollection<string> batchMessageIds)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(batchMessageIds);
        if (outcome.IsError)
        {
            return WholeBatch(batchMessageIds, "the function failed: " + (outcome.Error?.ErrorMessage ?? "(no message)"));
        }

        if (outcome.Body.AsSpan().Trim(" \t\r\n"u8) is var answer && (answer.IsEmpty || answer.SequenceEqual("null"u8)))
        {
            return new SqsBatchVerdict(new HashSet<string>(StringComparer.Ordinal), false, null);
        }

        if (!EventJson.TryParse(outcome.Body, EventsJsonContext.Default.BatchItemFailuresResponse, out var response))
        {
            // Lambda's documentation lists no rule for an answer that is not JSON; failing the batch keeps every message.
            return WholeBatch(batchMessageIds, "the answer is not a partial batch response");
        }

        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in response.BatchItemFailures ?? [])
        {
            if (string.IsNullOrEmpty(item?.ItemIdentifier) || !batchMessageIds.Contains(item.ItemIdentifier))
            {
                return WholeBatch(batchMessageIds, $"the answer names an item identifier that is empty or not in the batch ('{item?.ItemIdentifier}')");
            }

            failed.Add(item.ItemIdentifier);
        }

        return new SqsBatchVerdict(failed, false, null);
    }

    private static SqsBatchVerdict WholeBatch(IReadOnlyCollection<string> ids, string reason) => new(new HashSet<string>(ids, StringComparer.Ordinal), true, reason);
}

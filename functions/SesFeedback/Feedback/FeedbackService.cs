using LambdaSuite.Data;
using LambdaSuite.Data.Mailing;
using SesFeedback.Mailing;

namespace SesFeedback.Feedback;

/// <summary>
/// Applies SES messages to the mailing table, one conditional write per recipient. A message that cannot be
/// used throws <see cref="InvalidFeedbackException"/> before anything is written; a DynamoDB error propagates
/// so the caller fails the record (and SNS, SQS or Lambda retries it).
/// </summary>
internal sealed class FeedbackService(MailingStore store, MailingRules rules, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<FeedbackResult> ApplyAsync(string sesMessageJson, CancellationToken cancellationToken)
    {
        var parsed = SesMessageParser.Parse(sesMessageJson, _time.GetUtcNow());
        if (parsed.Error is not null)
        {
            throw new InvalidFeedbackException(parsed.Error);
        }

        int applied = 0, duplicates = 0, writes = 0, reads = 0;
        foreach (var feedback in parsed.Events)
        {
            var outcome = await store.ApplyAsync(feedback.Address, current => rules.Apply(current, feedback), cancellationToken).ConfigureAwait(false);
            writes += outcome.Writes;
            reads += outcome.Reads;
            if (outcome.Changed)
            {
                applied++;
            }
            else
            {
                duplicates++;
            }
        }

        return new FeedbackResult(applied, duplicates, parsed.SkippedRecipients, writes, reads);
    }

    /// <summary>
    /// Lifts a suppression by hand; the operator's reason is kept in the record's history. Reads the record first
    /// (an operator's command, not the hot path), and writes only when the unsuppress really lifts it.
    /// </summary>
    public async Task<UnsuppressResult> UnsuppressAsync(string address, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryNormalize(address, out var normalized, out var refusal))
        {
            throw new InvalidFeedbackException($"'{address}' is not an email address: {refusal}");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidFeedbackException("an unsuppress needs a reason");
        }

        var current = await store.GetAsync(normalized, cancellationToken).ConfigureAwait(false);
        var unsuppress = new FeedbackEvent(normalized, new MailingEvent(EventKey.For("Unsuppress", null, null, normalized, now), MailingEventKind.Unsuppress, now) { Note = MailingBounds.Cut(reason.Trim(), MailingBounds.MaxNoteBytes) });
        var outcome = await store.ApplyAsync(
            normalized,
            current,
            c => c is { State: MailingState.Suppressed } && rules.Apply(c, unsuppress) is { State: MailingState.Active } next ? next : null,
            cancellationToken).ConfigureAwait(false);
        return Describe(normalized, outcome, now);
    }

    private static UnsuppressResult Describe(string address, MailingWriteOutcome outcome, DateTimeOffset now) => outcome.Record switch
    {
        null => new(UnsuppressStatus.UnknownAddress, null, $"{address}: no such address in the mailing table; nothing changed"),
        _ when outcome.Changed => new(UnsuppressStatus.Lifted, outcome.Record, $"{address}: suppression lifted"),
        { State: MailingState.Active } record => new(UnsuppressStatus.NotSuppressed, record, $"{address} is not suppressed; nothing changed"),
        var record => new(UnsuppressStatus.StillSuppressed, record, StillSuppressed(address, record, now)),
    };

    private static string StillSuppressed(string address, MailingRecord record, DateTimeOffset now)
    {
        var since = record.SuppressedSince is { } at ? DynamoTime.Format(at) : "an unknown time";
        var ahead = record.SuppressedSince > now ? ", which is in the future (an event time this version refuses; it was applied before)" : "";
        return $"{address} stays suppressed and nothing changed: its {record.SuppressionReason} is dated {since}{ahead}, after this unsuppress at {DynamoTime.Format(now)}, and only an unsuppress later than the suppressing event lifts it";
    }
}

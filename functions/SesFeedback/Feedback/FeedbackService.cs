using LambdaSuite.Data.Mailing;
using SesFeedback.Mailing;

namespace SesFeedback.Feedback;

/// <summary>
/// Applies SES messages to the mailing table, one conditional write per recipient. A message that cannot be
/// used throws <see cref="InvalidFeedbackException"/> before anything is written; a DynamoDB error propagates
/// so the caller fails the record (and SNS, SQS or Lambda retries it).
/// </summary>
public sealed class FeedbackService(MailingStore store, MailingRules rules)
{
    public async Task<FeedbackResult> ApplyAsync(string sesMessageJson, CancellationToken cancellationToken)
    {
        var parsed = SesMessageParser.Parse(sesMessageJson);
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

    /// <summary>Lifts a suppression by hand; the operator's reason is kept in the record's history.</summary>
    public async Task<MailingRecord?> UnsuppressAsync(string address, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!EmailAddress.TryNormalize(address, out var normalized))
        {
            throw new InvalidFeedbackException($"'{address}' is not an email address");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidFeedbackException("an unsuppress needs a reason");
        }

        var unsuppress = new FeedbackEvent(normalized, new MailingEvent(EventKey.For("Unsuppress", null, null, normalized, now), MailingEventKind.Unsuppress, now) { Note = MailingBounds.Cut(reason.Trim(), MailingBounds.MaxNoteBytes) });
        var outcome = await store.ApplyAsync(normalized, current => current is { State: MailingState.Suppressed } ? rules.Apply(current, unsuppress) : null, cancellationToken).ConfigureAwait(false);
        return outcome.Record;
    }
}

namespace LambdaSuite.Data.Mailing;

/// <summary>
/// One event as the mailing table remembers it. <see cref="Key"/> identifies the event independently of how
/// it arrived (SNS, SQS, EventBridge, a redelivery), so the same event applied twice is recognised.
/// </summary>
public sealed record MailingEvent(string Key, MailingEventKind Kind, DateTimeOffset At)
{
    public string? BounceType { get; init; }

    public string? BounceSubType { get; init; }

    public string? DiagnosticCode { get; init; }

    public string? ComplaintFeedbackType { get; init; }

    public string? FeedbackId { get; init; }

    public string? MessageId { get; init; }

    /// <summary>Free text: the operator's reason for an unsuppress.</summary>
    public string? Note { get; init; }

    /// <summary>Orders events by time, then key, so "the latest" is the same whatever the arrival order.</summary>
    public static int CompareByTime(MailingEvent? left, MailingEvent? right)
    {
        if (left is null || right is null)
        {
            return left is null ? (right is null ? 0 : -1) : 1;
        }

        var byTime = left.At.CompareTo(right.At);
        return byTime != 0 ? byTime : string.CompareOrdinal(left.Key, right.Key);
    }
}

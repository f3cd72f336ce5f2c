namespace LambdaSuite.Data.Mailing;

/// <summary>Attribute names of the <c>mailing</c> table, in one place.</summary>
public static class MailingAttributes
{
    public const string UserId = "UserId";
    public const string Version = "version";
    public const string State = "state";
    public const string SuppressionReason = "suppressionReason";
    public const string SuppressedSince = "suppressedSince";
    public const string SuppressedBy = "suppressedBy";
    public const string SoftBounceCount = "softBounceCount";
    public const string Totals = "totals";
    public const string LastEventAt = "lastEventAt";
    public const string LastMessageId = "lastMessageId";
    public const string LastFeedbackId = "lastFeedbackId";
    public const string Sender = "sender";
    public const string ConfigurationSet = "configurationSet";
    public const string Tags = "tags";
    public const string LatestEvent = "latestEvent";
    public const string HardEvents = "hardEvents";
    public const string SoftBounces = "softBounces";
    public const string SoftLimitEvent = "softLimitEvent";
    public const string SoftLimitWindowStart = "softLimitWindowStart";
    public const string Unsuppressions = "unsuppressions";
    public const string Seen = "seen";
    public const string UpdatedAt = "updatedAt";

    // Fields of one event map.
    public const string EventKey = "key";
    public const string EventKind = "kind";
    public const string EventAt = "at";
    public const string BounceType = "bounceType";
    public const string BounceSubType = "bounceSubType";
    public const string DiagnosticCode = "diagnosticCode";
    public const string ComplaintFeedbackType = "complaintFeedbackType";
    public const string FeedbackId = "feedbackId";
    public const string MessageId = "messageId";
    public const string Note = "note";
}

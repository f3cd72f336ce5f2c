namespace SesFeedback.Feedback;

/// <summary>
/// What one SES message yields: an event per usable recipient, the recipients skipped and why, or an error
/// when the message as a whole cannot be used (it is then reported, never applied in part).
/// </summary>
internal sealed record SesParseResult(IReadOnlyList<FeedbackEvent> Events, IReadOnlyList<SkippedRecipient> SkippedRecipients, string? Error)
{
    public static SesParseResult Failed(string error) => new([], [], error);
}

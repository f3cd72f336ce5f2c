namespace SesFeedback.Feedback;

/// <summary>What applying one SES message did: counts per outcome and DynamoDB requests spent.</summary>
internal sealed record FeedbackResult(int Applied, int Duplicates, IReadOnlyList<SkippedRecipient> SkippedRecipients, int Writes, int Reads);

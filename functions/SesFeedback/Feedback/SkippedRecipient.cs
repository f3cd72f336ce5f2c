namespace SesFeedback.Feedback;

/// <summary>A recipient that was not applied, as SES reported it, and the sentence saying why.</summary>
internal sealed record SkippedRecipient(string Address, string Reason);

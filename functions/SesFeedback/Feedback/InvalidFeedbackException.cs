namespace SesFeedback.Feedback;

/// <summary>An SES message (or request) that cannot be applied: reported and skipped, never retried forever.</summary>
public sealed class InvalidFeedbackException(string message) : Exception(message);

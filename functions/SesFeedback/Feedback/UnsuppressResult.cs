namespace SesFeedback.Feedback;

/// <summary>An unsuppress's outcome, the record as it now stands (null for an unknown address), and a sentence saying what happened.</summary>
public sealed record UnsuppressResult(UnsuppressStatus Status, LambdaSuite.Data.Mailing.MailingRecord? Record, string Message);

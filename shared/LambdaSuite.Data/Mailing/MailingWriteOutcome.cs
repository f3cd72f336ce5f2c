namespace LambdaSuite.Data.Mailing;

/// <summary>What one <see cref="MailingStore.ApplyAsync"/> did, and what it cost in DynamoDB requests.</summary>
public readonly record struct MailingWriteOutcome(MailingRecord? Record, bool Changed, int Writes, int Reads);

namespace ChatRelay.Alerts;

/// <summary>What an SNS invocation answers: how many alerts were posted, were repeats, or were dropped (no channel set).</summary>
internal sealed record AlertAnswer(int Posted, int Duplicates, int Dropped);

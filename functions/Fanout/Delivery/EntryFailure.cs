namespace Fanout.Delivery;

/// <summary>A batch entry the destination did not take: its position in the call, the error, and whether to retry it.</summary>
internal readonly record struct EntryFailure(int Position, string Code, string Message, bool Retryable, bool Throttled = false);

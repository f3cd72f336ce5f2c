namespace Fanout.Delivery;

/// <summary>
/// One entry of a call to a target: <see cref="Count"/> consecutive records from <see cref="First"/> (more than one
/// when collapsed), the body to send, and the keys the destination uses.
/// </summary>
public readonly record struct OutgoingMessage(int First, int Count, ReadOnlyMemory<byte> Body, string PartitionKey, string? ExplicitHashKey, string IdempotencyKey);

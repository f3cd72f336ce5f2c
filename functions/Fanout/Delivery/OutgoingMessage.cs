namespace Fanout.Delivery;

/// <summary>
/// One entry of a call to a target: <see cref="Count"/> consecutive records from <see cref="First"/> (more than one
/// when collapsed), the body to send, and the keys the destination uses.
/// </summary>
internal readonly record struct OutgoingMessage(int First, int Count, ReadOnlyMemory<byte> Body, string PartitionKey, string? ExplicitHashKey, string IdempotencyKey)
{
    /// <summary>
    /// <see cref="Body"/> as the event carried it, a quoted base64 JSON string, when the body is the record unchanged:
    /// senders whose wire format is base64 (Kinesis) copy it through instead of encoding again. Empty otherwise.
    /// </summary>
    public ReadOnlyMemory<byte> QuotedBase64Body { get; init; }

    /// <summary>
    /// True when an SQS/SNS entry goes as base64 text with the <c>fanout-encoding</c> attribute (its body is not XML
    /// text). Decided once, where the entry is built, so the size it is packed by is the size it is sent at.
    /// </summary>
    public bool SentAsBase64 { get; init; }
}

namespace Fanout.Delivery;

/// <summary>
/// Sends one call's worth of entries to a destination and says which entries failed. A whole-call error that the
/// client's own retries could not clear is thrown; the engine turns it into a failure of every entry.
/// </summary>
internal interface ITargetSender
{
    /// <summary>True when the destination keeps order per key (Kinesis, FIFO queues and topics): calls go one at a time.</summary>
    bool IsOrdered { get; }

    Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken);
}

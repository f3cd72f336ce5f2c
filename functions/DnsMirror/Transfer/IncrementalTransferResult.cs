namespace DnsMirror.Transfer;

/// <summary>
/// What <see cref="ZoneTransferClient.TransferIncrementalAsync"/> brought back: nothing (the serial did not move, or
/// the master is behind), the deltas from the known serial (<see cref="Deltas"/>), or the whole zone
/// (<see cref="Snapshot"/>) when the master answered the IXFR with a full transfer or refused it and an AXFR
/// followed. <see cref="Note"/> says which, for the log.
/// </summary>
internal sealed record IncrementalTransferResult(
    TransferOutcome Outcome,
    uint MasterSerial,
    string Master,
    IReadOnlyList<ZoneDelta>? Deltas,
    ZoneSnapshot? Snapshot,
    string? Reason = null,
    string? Note = null)
{
    /// <summary>The same answer in the shape of the full path's result (deltas are not carried over).</summary>
    public ZoneTransferResult AsTransferResult() => new(Outcome, MasterSerial, Master, Snapshot, Reason);
}

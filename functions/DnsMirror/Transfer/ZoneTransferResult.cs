namespace DnsMirror.Transfer;

/// <summary>
/// Outcome of a serial check plus, when it moved, the transferred zone. <see cref="Reason"/> says why a transfer
/// that did happen was not kept (its own serial was behind).
/// </summary>
internal sealed record ZoneTransferResult(TransferOutcome Outcome, uint MasterSerial, string Master, ZoneSnapshot? Snapshot, string? Reason = null);

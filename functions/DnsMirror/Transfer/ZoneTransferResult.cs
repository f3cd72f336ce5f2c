namespace DnsMirror.Transfer;

/// <summary>Outcome of a serial check plus, when it moved, the transferred zone.</summary>
public sealed record ZoneTransferResult(TransferOutcome Outcome, uint MasterSerial, string Master, ZoneSnapshot? Snapshot);

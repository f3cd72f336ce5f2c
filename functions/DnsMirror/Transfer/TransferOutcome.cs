namespace DnsMirror.Transfer;

/// <summary>What <see cref="ZoneTransferClient.TransferIfNewerAsync"/> did.</summary>
internal enum TransferOutcome
{
    /// <summary>The master's serial is newer (RFC 1982) or there was none known: the zone was transferred.</summary>
    Transferred,

    /// <summary>The master's serial equals the known one: no transfer.</summary>
    Unchanged,

    /// <summary>The master's serial is older than (or unordered against) the known one: no transfer, report it.</summary>
    MasterBehind,
}

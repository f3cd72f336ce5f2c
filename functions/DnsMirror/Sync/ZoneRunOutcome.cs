namespace DnsMirror.Sync;

/// <summary>How a zone's run ended.</summary>
internal enum ZoneRunOutcome
{
    /// <summary>Changes were applied and are in sync.</summary>
    Synced,

    /// <summary>Transferred and compared: the target already matched.</summary>
    InSync,

    /// <summary>The master's serial equals the stored one: no transfer.</summary>
    Unchanged,

    /// <summary>The master's serial is older than the stored one: nothing mirrored; worth an alarm.</summary>
    MasterBehind,

    /// <summary>The plan was printed, nothing changed.</summary>
    DryRun,

    /// <summary>The plan deletes more than MaxDeletePercent; nothing changed.</summary>
    Refused,

    /// <summary>The transfer held only the apex SOA and NS: nothing applied, no serial recorded; <c>Force</c> mirrors it.</summary>
    EmptyTransfer,

    /// <summary>Another run holds the zone's lease: nothing transferred, applied or recorded.</summary>
    ZoneBusy,

    Failed,
}

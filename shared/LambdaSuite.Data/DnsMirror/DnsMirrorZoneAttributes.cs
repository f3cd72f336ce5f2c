namespace LambdaSuite.Data.DnsMirror;

/// <summary>Attribute names of the <c>dnsMirrorZones</c> table, in one place.</summary>
public static class DnsMirrorZoneAttributes
{
    /// <summary>Partition key: the zone name, absolute and lower case (<c>example.com.</c>).</summary>
    public const string Zone = "zone";

    /// <summary>The zone's sync settings as JSON (what a schedule would pass for it); read by <c>{"AllZones": true}</c>.</summary>
    public const string Config = "config";

    /// <summary>Bumped by every state write; the condition of the next one.</summary>
    public const string Version = "version";

    public const string LastSerial = "lastSerial";
    public const string LastRunAt = "lastRunAt";
    public const string Outcome = "outcome";
    public const string Changes = "changes";
    public const string Batches = "batches";
    public const string LastError = "lastError";
    public const string Master = "master";

    /// <summary>Which of the two chunk slots (<c>a</c> or <c>b</c>) holds the records as last mirrored.</summary>
    public const string StateSlot = "stateSlot";

    /// <summary>How many chunk items the stored records take.</summary>
    public const string StateChunks = "stateChunks";

    /// <summary>The serial the stored records are at; used only while it equals <see cref="LastSerial"/>.</summary>
    public const string StateSerial = "stateSerial";

    /// <summary>SHA-256 (hex) of the stored records' chunks joined, checked on every load.</summary>
    public const string StateDigest = "stateDigest";

    /// <summary>On a chunk item (key <c>zone#state#slot#index</c>): the compressed bytes it holds.</summary>
    public const string StateBlob = "stateBlob";

    /// <summary>The run holding the zone's lease: a random token per run, removed when the run ends.</summary>
    public const string LeaseOwner = "leaseOwner";

    /// <summary>When the lease lapses if its owner never releases it (Unix milliseconds): after the owner's invocation must have ended.</summary>
    public const string LeaseExpiresAt = "leaseExpiresAt";
}

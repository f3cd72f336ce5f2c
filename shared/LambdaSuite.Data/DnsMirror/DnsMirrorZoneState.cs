namespace LambdaSuite.Data.DnsMirror;

/// <summary>
/// One row of <c>dnsMirrorZones</c>: optional configuration (raw JSON the function interprets) and the state of
/// the last sync. <see cref="LastSerial"/> is the serial last mirrored in full; the next run transfers only when
/// the master's serial is newer (RFC 1982).
/// </summary>
public sealed record DnsMirrorZoneState
{
    public required string Zone { get; init; }

    public string? Config { get; init; }

    /// <summary>0 for a row never written by a sync.</summary>
    public long Version { get; init; }

    public uint? LastSerial { get; init; }

    public DateTimeOffset? LastRunAt { get; init; }

    public string? Outcome { get; init; }

    public int Changes { get; init; }

    public int Batches { get; init; }

    public string? LastError { get; init; }

    public string? Master { get; init; }

    /// <summary>The chunk slot holding the records as last mirrored; null when none are stored.</summary>
    public string? StateSlot { get; init; }

    public int StateChunks { get; init; }

    /// <summary>The serial the stored records are at.</summary>
    public uint? StateSerial { get; init; }

    public string? StateDigest { get; init; }

    /// <summary>The token of the run holding the zone's lease; null when none does.</summary>
    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }
}

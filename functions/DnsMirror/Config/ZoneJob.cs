using DnsMirror.Diff;
using DnsMirror.Transfer;
using DnsMirror.Tsig;

namespace DnsMirror.Config;

/// <summary>A validated <see cref="ZoneSyncRequest"/>: everything one zone's sync needs, secrets resolved.</summary>
internal sealed record ZoneJob
{
    /// <summary>Absolute and lower case (<c>example.com.</c>): the zone and its state row's key.</summary>
    public required string Zone { get; init; }

    public required IReadOnlyList<DnsMaster> Masters { get; init; }

    public TsigKey? MasterKey { get; init; }

    public TargetKind Target { get; init; }

    public string? HostedZoneId { get; init; }

    public DnsMaster? Rfc2136Server { get; init; }

    public TsigKey? Rfc2136Key { get; init; }

    public required MirrorOptions Options { get; init; }

    /// <summary>A drift audit: transfer and compare in full even when the serial has not moved, and report what was repaired.</summary>
    public bool Audit { get; init; }

    /// <summary>The name of the zone written to: <see cref="MirrorOptions.Remap"/>'s target, else <see cref="Zone"/>.</summary>
    public string TargetZone => Options.Remap?.To ?? Zone;
}

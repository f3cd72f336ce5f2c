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
}

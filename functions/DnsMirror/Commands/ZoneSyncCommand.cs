namespace DnsMirror.Commands;

/// <summary>What <c>suite dns plan|sync</c> was asked: the primary, the zone, exactly one target, and the plan's limits.</summary>
/// <param name="Masters">Primary server(s), <c>host[:port]</c>, comma-separated, tried in order.</param>
/// <param name="Tsig">TSIG key for the transfer and the RFC 2136 target, <c>NAME:ALGORITHM:BASE64SECRET</c>.</param>
/// <param name="ZoneId">A Route 53 hosted zone to mirror into; or <paramref name="Rfc2136Server"/>, never both.</param>
public sealed record ZoneSyncCommand(
    string Masters,
    string Zone,
    string? Tsig,
    string? ZoneId,
    string? Rfc2136Server,
    bool IgnoreTtl,
    int MaxDeletePercent,
    bool Force,
    bool DryRun)
{
    /// <summary>The hosted zone's name when the zone is mirrored under another (origin remapping); null for the zone's own.</summary>
    public string? MirrorAs { get; init; }
}

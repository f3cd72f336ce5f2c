namespace DnsMirror.Config;

/// <summary>Where the zone is mirrored: <c>route53</c> (the default; uses <c>ZoneId</c>) or <c>rfc2136</c> (a server taking TSIG-signed updates).</summary>
internal sealed class TargetReference
{
    public string? Kind { get; set; }

    /// <summary><c>host[:port]</c> of the RFC 2136 server.</summary>
    public string? Server { get; set; }

    public TsigReference? Tsig { get; set; }
}

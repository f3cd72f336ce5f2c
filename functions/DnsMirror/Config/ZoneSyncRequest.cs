namespace DnsMirror.Config;

/// <summary>
/// One zone's sync settings as a schedule passes them (EventBridge <c>detail</c>, or the rule target's constant
/// input given directly), or as a zone row's <c>config</c> holds them. <c>{"AllZones": true}</c> syncs every row
/// of the zones table instead.
/// </summary>
internal sealed class ZoneSyncRequest
{
    public string? Domain { get; set; }

    /// <summary><c>host[:port]</c>, tried in order.</summary>
    public List<string>? Masters { get; set; }

    /// <summary>Route 53 hosted zone ID (bare or <c>/hostedzone/...</c>) for a Route 53 target.</summary>
    public string? ZoneId { get; set; }

    public bool IgnoreTTL { get; set; }

    public TsigReference? Tsig { get; set; }

    public int? MaxDeletePercent { get; set; }

    public bool Force { get; set; }

    public bool DryRun { get; set; }

    public TargetReference? Target { get; set; }

    public bool AllZones { get; set; }

    /// <summary>The hosted zone's name when it differs from <see cref="Domain"/> (origin remapping, e.g. <c>corp.aws.internal</c>).</summary>
    public string? MirrorAs { get; set; }

    /// <summary>A drift audit: full transfer and listing whatever the serial, repairing what differs (same as <c>"Mode": "audit"</c>).</summary>
    public bool Audit { get; set; }

    /// <summary><c>sync</c> (the default) or <c>audit</c>.</summary>
    public string? Mode { get; set; }
}

namespace DnsMirror.Sync;

/// <summary>The function's answer: one report per zone.</summary>
internal sealed class DnsMirrorResponse
{
    public List<ZoneRunReport> Zones { get; set; } = [];

    public int Failed => Zones.Count(z => z.Outcome == nameof(ZoneRunOutcome.Failed));
}

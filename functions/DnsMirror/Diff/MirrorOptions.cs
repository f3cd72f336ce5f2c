using DnsMirror.Route53;
using DnsMirror.Zone;

namespace DnsMirror.Diff;

/// <summary>Everything one Route 53 sync run is told.</summary>
internal sealed record MirrorOptions
{
    public DiffOptions Diff { get; init; } = new();

    public PlanOptions Plan { get; init; } = new();

    /// <summary>Print the plan and change nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>Origin remapping (<c>MirrorAs</c>): applied to the transfer before anything compares it; null mirrors the zone under its own name.</summary>
    public OriginRemapper? Remap { get; init; }

    /// <summary>Paces change batches to Route 53's request and change buckets; null sends them as fast as answers come.</summary>
    public ChangeBudget? Budget { get; init; }
}

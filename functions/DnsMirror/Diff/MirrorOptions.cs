namespace DnsMirror.Diff;

/// <summary>Everything one Route 53 sync run is told.</summary>
internal sealed record MirrorOptions
{
    public DiffOptions Diff { get; init; } = new();

    public PlanOptions Plan { get; init; } = new();

    /// <summary>Print the plan and change nothing.</summary>
    public bool DryRun { get; init; }
}

namespace DnsMirror.Diff;

/// <summary>What applying a plan did: the change IDs Route 53 returned, none on a dry run or refusal.</summary>
internal sealed record ZoneSyncResult(ZonePlan Plan, IReadOnlyList<string> ChangeIds, bool DryRun)
{
    public bool Applied => !DryRun && !Plan.IsRefused && ChangeIds.Count > 0;
}

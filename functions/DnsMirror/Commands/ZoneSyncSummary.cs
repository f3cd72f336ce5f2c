namespace DnsMirror.Commands;

/// <summary>What one <c>suite dns plan|sync</c> run found and did, with each phase's wall time in milliseconds.</summary>
/// <param name="Changes">Record set (Route 53) or record (RFC 2136) changes in the plan, the serial update included.</param>
/// <param name="Sent">Change requests sent to the target (0 on a dry run or a refusal).</param>
/// <param name="Refusal">Why the plan was refused, or null.</param>
public sealed record ZoneSyncSummary(
    uint Serial,
    int Changes,
    int Sent,
    string? Refusal,
    double TransferMs,
    double ListMs,
    double DiffMs,
    double ApplyMs,
    double TotalMs)
{
    /// <summary>Route 53 only: each record set the plan changes, <c>ACTION name type</c> (what <c>suite dns audit</c> reports as repaired).</summary>
    public IReadOnlyList<string> Repairs { get; init; } = [];
}

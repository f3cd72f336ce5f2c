using DnsMirror.Route53;

namespace DnsMirror.Diff;

/// <summary>
/// What it takes to make the hosted zone match the source: record set changes, the closing SOA serial
/// update (null when the serial already matches), and what was left alone.
/// </summary>
internal sealed record ZoneDiff(
    IReadOnlyList<RecordSetChange> Changes,
    RecordSetChange? SerialChange,
    IReadOnlyList<SkippedRecordSet> Skipped,
    int ManagedTargetRecordSets,
    int UnchangedRecordSets)
{
    /// <summary>The hosted zone's own apex SOA as the comparison found it (null when it has none it can read).</summary>
    public HostedZoneRecordSet? TargetSoa { get; init; }

    public int Deletes => Changes.Count(c => c.Action == ChangeAction.Delete);
}

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
    public int Deletes => Changes.Count(c => c.Action == ChangeAction.Delete);
}

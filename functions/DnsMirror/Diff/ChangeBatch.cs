using DnsMirror.Route53;

namespace DnsMirror.Diff;

/// <summary>One ChangeResourceRecordSets request's worth of changes, applied atomically by Route 53.</summary>
internal sealed record ChangeBatch(IReadOnlyList<RecordSetChange> Changes)
{
    public int ResourceRecordCount => Changes.Sum(c => c.ResourceRecordCount);

    public int ValueCharacters => Changes.Sum(c => c.ValueCharacters);
}

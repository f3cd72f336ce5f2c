namespace DnsMirror.Route53;

/// <summary>One Change element of a ChangeResourceRecordSets request.</summary>
internal sealed record RecordSetChange(ChangeAction Action, HostedZoneRecordSet RecordSet)
{
    /// <summary>ResourceRecord elements this change counts against the 1,000 limit (UPSERT counts twice).</summary>
    public int ResourceRecordCount => RecordSet.Values.Count * (Action == ChangeAction.Upsert ? 2 : 1);

    /// <summary>Value characters this change counts against the 32,000 limit (UPSERT counts twice).</summary>
    public int ValueCharacters => RecordSet.Values.Sum(v => v.Length) * (Action == ChangeAction.Upsert ? 2 : 1);

    public override string ToString() =>
        $"{Action.ToString().ToUpperInvariant()} {RecordSet.Name} {RecordSet.Type} {RecordSet.Ttl} [{string.Join(" | ", RecordSet.Values)}]";
}

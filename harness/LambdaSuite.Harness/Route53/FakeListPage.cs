namespace LambdaSuite.Harness.Route53;

/// <summary>One ListResourceRecordSets page: its sets, the page size used, and where the next page starts (null on the last).</summary>
public sealed record FakeListPage(IReadOnlyList<FakeRecordSet> Sets, int MaxItems, FakeRecordSet? Next)
{
    public bool IsTruncated => Next is not null;
}

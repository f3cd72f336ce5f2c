namespace LambdaSuite.Aws.Route53;

public sealed record ListResourceRecordSetsResponse
{
    public IReadOnlyList<ResourceRecordSet> ResourceRecordSets { get; init; } = [];

    /// <summary>When true, the Next* fields start the next page.</summary>
    public bool IsTruncated { get; init; }

    public string? NextRecordName { get; init; }

    public string? NextRecordType { get; init; }

    public string? NextRecordIdentifier { get; init; }

    public int MaxItems { get; init; }
}

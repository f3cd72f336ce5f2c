namespace LambdaSuite.Aws.Route53;

/// <summary>Applied atomically: all changes or none (at most 1,000 records and 32,000 value characters).</summary>
public sealed record ChangeBatch
{
    public string? Comment { get; init; }

    public required IReadOnlyList<Change> Changes { get; init; }
}

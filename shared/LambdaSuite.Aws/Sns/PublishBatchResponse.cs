namespace LambdaSuite.Aws.Sns;

/// <summary>Per-entry outcome: a batch answer is 200 even when some or all entries failed.</summary>
public sealed record PublishBatchResponse
{
    public IReadOnlyList<PublishBatchResultEntry> Successful { get; init; } = [];

    public IReadOnlyList<BatchResultErrorEntry> Failed { get; init; } = [];
}

namespace LambdaSuite.Aws.Firehose;

/// <summary>Per-record outcome: the answer is 200 even when <see cref="FailedPutCount"/> is not zero.</summary>
public sealed record PutRecordBatchResponse
{
    public int FailedPutCount { get; init; }

    public bool? Encrypted { get; init; }

    public IReadOnlyList<PutRecordBatchResponseEntry> RequestResponses { get; init; } = [];
}

namespace LambdaSuite.Aws.Sqs;

/// <summary>Per-entry outcome: a batch answer is 200 even when some or all entries failed.</summary>
public sealed record SendMessageBatchResponse
{
    public IReadOnlyList<SendMessageBatchResultEntry> Successful { get; init; } = [];

    public IReadOnlyList<BatchResultErrorEntry> Failed { get; init; } = [];
}

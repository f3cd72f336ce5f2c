namespace LambdaSuite.Aws.Sqs;

/// <summary>Per-entry outcome: a batch answer is 200 even when some or all entries failed.</summary>
public sealed record DeleteMessageBatchResponse
{
    private readonly IReadOnlyList<DeleteMessageBatchResultEntry> _successful = [];
    private readonly IReadOnlyList<BatchResultErrorEntry> _failed = [];

    /// <summary>Never null, even when the answer leaves the member out (see <see cref="ReceiveMessageResponse.Messages"/>).</summary>
    public IReadOnlyList<DeleteMessageBatchResultEntry> Successful { get => _successful; init => _successful = value ?? []; }

    public IReadOnlyList<BatchResultErrorEntry> Failed { get => _failed; init => _failed = value ?? []; }
}

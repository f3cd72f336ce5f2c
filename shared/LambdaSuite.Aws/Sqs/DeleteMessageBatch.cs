// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Sqs;

/// <summary>Up to 10 receipt handles to delete, each under an id unique within the batch.</summary>
public sealed record DeleteMessageBatchRequest
{
    public required string QueueUrl { get; init; }

    public required IReadOnlyList<DeleteMessageBatchRequestEntry> Entries { get; init; }
}

public sealed record DeleteMessageBatchRequestEntry
{
    public required string Id { get; init; }

    public required string ReceiptHandle { get; init; }
}

/// <summary>Per-entry outcome: a batch answer is 200 even when some or all entries failed.</summary>
public sealed record DeleteMessageBatchResponse
{
    private readonly IReadOnlyList<DeleteMessageBatchResultEntry> _successful = [];
    private readonly IReadOnlyList<BatchResultErrorEntry> _failed = [];

    /// <summary>Never null, even when the answer leaves the member out (see <see cref="ReceiveMessageResponse.Messages"/>).</summary>
    public IReadOnlyList<DeleteMessageBatchResultEntry> Successful { get => _successful; init => _successful = value ?? []; }

    public IReadOnlyList<BatchResultErrorEntry> Failed { get => _failed; init => _failed = value ?? []; }
}

public sealed record DeleteMessageBatchResultEntry
{
    public required string Id { get; init; }
}

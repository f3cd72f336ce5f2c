// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Sqs;

public sealed record SendMessageBatchRequest
{
    public required string QueueUrl { get; init; }

    /// <summary>Up to 10 entries, 256 KiB in total.</summary>
    public required IReadOnlyList<SendMessageBatchRequestEntry> Entries { get; init; }
}

public sealed record SendMessageBatchRequestEntry
{
    /// <summary>Unique within the batch; the answer reports each entry by this id.</summary>
    public required string Id { get; init; }

    public required string MessageBody { get; init; }

    public int? DelaySeconds { get; init; }

    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }

    public string? MessageDeduplicationId { get; init; }

    public string? MessageGroupId { get; init; }
}

/// <summary>Per-entry outcome: a batch answer is 200 even when some or all entries failed.</summary>
public sealed record SendMessageBatchResponse
{
    public IReadOnlyList<SendMessageBatchResultEntry> Successful { get; init; } = [];

    public IReadOnlyList<BatchResultErrorEntry> Failed { get; init; } = [];
}

public sealed record SendMessageBatchResultEntry
{
    public required string Id { get; init; }

    public required string MessageId { get; init; }

    public string? MD5OfMessageBody { get; init; }

    public string? MD5OfMessageAttributes { get; init; }

    public string? SequenceNumber { get; init; }
}

/// <summary>One entry SQS did not enqueue; <see cref="SenderFault"/> false means retrying it may succeed.</summary>
public sealed record BatchResultErrorEntry
{
    public required string Id { get; init; }

    public required string Code { get; init; }

    public string? Message { get; init; }

    public bool SenderFault { get; init; }
}

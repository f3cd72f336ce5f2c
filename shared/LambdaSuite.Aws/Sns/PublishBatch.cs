// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Sns;

public sealed record PublishBatchRequest
{
    public required string TopicArn { get; init; }

    /// <summary>Up to 10 entries, 256 KiB in total.</summary>
    public required IReadOnlyList<PublishBatchRequestEntry> PublishBatchRequestEntries { get; init; }
}

public sealed record PublishBatchRequestEntry
{
    /// <summary>Unique within the batch; the answer reports each entry by this id.</summary>
    public required string Id { get; init; }

    public required string Message { get; init; }

    public string? Subject { get; init; }

    public string? MessageStructure { get; init; }

    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }

    public string? MessageDeduplicationId { get; init; }

    public string? MessageGroupId { get; init; }
}

/// <summary>Per-entry outcome: a batch answer is 200 even when some or all entries failed.</summary>
public sealed record PublishBatchResponse
{
    public IReadOnlyList<PublishBatchResultEntry> Successful { get; init; } = [];

    public IReadOnlyList<BatchResultErrorEntry> Failed { get; init; } = [];
}

public sealed record PublishBatchResultEntry
{
    public required string Id { get; init; }

    public required string MessageId { get; init; }

    public string? SequenceNumber { get; init; }
}

/// <summary>One entry SNS did not publish; <see cref="SenderFault"/> false means retrying it may succeed.</summary>
public sealed record BatchResultErrorEntry
{
    public required string Id { get; init; }

    public required string Code { get; init; }

    public string? Message { get; init; }

    public bool SenderFault { get; init; }
}

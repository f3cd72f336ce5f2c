// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Sns;

public sealed record PublishRequest
{
    public string? TopicArn { get; init; }

    public string? TargetArn { get; init; }

    public string? PhoneNumber { get; init; }

    public required string Message { get; init; }

    public string? Subject { get; init; }

    /// <summary>"json" to send a per-protocol message object.</summary>
    public string? MessageStructure { get; init; }

    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }

    /// <summary>FIFO topics only.</summary>
    public string? MessageDeduplicationId { get; init; }

    /// <summary>FIFO topics (required there) and fair-queue standard topics.</summary>
    public string? MessageGroupId { get; init; }
}

/// <summary>An SNS message attribute: DataType String, String.Array, Number or Binary.</summary>
public sealed record MessageAttributeValue
{
    public required string DataType { get; init; }

    public string? StringValue { get; init; }

    public ReadOnlyMemory<byte>? BinaryValue { get; init; }
}

public sealed record PublishResponse
{
    public required string MessageId { get; init; }

    /// <summary>FIFO topics only.</summary>
    public string? SequenceNumber { get; init; }
}

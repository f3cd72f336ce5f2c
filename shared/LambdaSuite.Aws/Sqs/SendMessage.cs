// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Sqs;

public sealed record SendMessageRequest
{
    public required string QueueUrl { get; init; }

    public required string MessageBody { get; init; }

    public int? DelaySeconds { get; init; }

    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }

    /// <summary>FIFO queues only.</summary>
    public string? MessageDeduplicationId { get; init; }

    /// <summary>FIFO queues (required there) and fair queues.</summary>
    public string? MessageGroupId { get; init; }
}

/// <summary>An SQS message attribute: DataType String, Number or Binary (optionally with a ".custom" suffix).</summary>
public sealed record MessageAttributeValue
{
    public required string DataType { get; init; }

    public string? StringValue { get; init; }

    public ReadOnlyMemory<byte>? BinaryValue { get; init; }
}

public sealed record SendMessageResponse
{
    public string? MessageId { get; init; }

    public string? MD5OfMessageBody { get; init; }

    public string? MD5OfMessageAttributes { get; init; }

    public string? SequenceNumber { get; init; }
}

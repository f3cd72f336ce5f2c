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

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

namespace LambdaSuite.Aws.Sqs;

/// <summary>What a consumer asks for: up to 10 messages, held invisible for <see cref="VisibilityTimeout"/> seconds.</summary>
public sealed record ReceiveMessageRequest
{
    public required string QueueUrl { get; init; }

    /// <summary>1 to 10; SQS's default is 1.</summary>
    public int? MaxNumberOfMessages { get; init; }

    /// <summary>Seconds; the queue's own setting when null.</summary>
    public int? VisibilityTimeout { get; init; }

    /// <summary>Long polling, 0 to 20 seconds; the queue's own setting when null.</summary>
    public int? WaitTimeSeconds { get; init; }

    /// <summary>System attributes to return (<c>All</c>, <c>ApproximateReceiveCount</c>, <c>SentTimestamp</c>, ...).</summary>
    public IReadOnlyList<string>? MessageSystemAttributeNames { get; init; }

    /// <summary>Message attributes to return (<c>All</c> or names).</summary>
    public IReadOnlyList<string>? MessageAttributeNames { get; init; }
}

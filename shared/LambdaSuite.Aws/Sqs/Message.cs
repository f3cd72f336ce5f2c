namespace LambdaSuite.Aws.Sqs;

/// <summary>One received message; <see cref="ReceiptHandle"/> (not the id) is what deletes it or changes its visibility.</summary>
public sealed record Message
{
    public required string MessageId { get; init; }

    public required string ReceiptHandle { get; init; }

    public string Body { get; init; } = "";

    public string? MD5OfBody { get; init; }

    public string? MD5OfMessageAttributes { get; init; }

    /// <summary>System attributes asked for: ApproximateReceiveCount, SentTimestamp, SenderId, MessageGroupId, ...</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }
}

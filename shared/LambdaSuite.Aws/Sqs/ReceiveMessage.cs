// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

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

/// <summary>Zero to ten messages; an empty list means none was visible within the wait.</summary>
public sealed record ReceiveMessageResponse
{
    private readonly IReadOnlyList<Message> _messages = [];

    /// <summary>
    /// SQS answers <c>{}</c> when nothing was received, and the source-generated reader then sets this init-only
    /// property to null instead of keeping its initializer: the setter restores the empty list.
    /// </summary>
    public IReadOnlyList<Message> Messages { get => _messages; init => _messages = value ?? []; }
}

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

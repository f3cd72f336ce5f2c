namespace LambdaSuite.Aws.Sqs;

public sealed record SendMessageBatchResultEntry
{
    public required string Id { get; init; }

    public required string MessageId { get; init; }

    public string? MD5OfMessageBody { get; init; }

    public string? MD5OfMessageAttributes { get; init; }

    public string? SequenceNumber { get; init; }
}

namespace LambdaSuite.Aws.Sns;

public sealed record PublishBatchResultEntry
{
    public required string Id { get; init; }

    public required string MessageId { get; init; }

    public string? SequenceNumber { get; init; }
}

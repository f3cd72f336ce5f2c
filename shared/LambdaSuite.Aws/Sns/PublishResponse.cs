namespace LambdaSuite.Aws.Sns;

public sealed record PublishResponse
{
    public required string MessageId { get; init; }

    /// <summary>FIFO topics only.</summary>
    public string? SequenceNumber { get; init; }
}

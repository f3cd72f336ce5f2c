namespace LambdaSuite.Aws.Sqs;

public sealed record SendMessageBatchRequest
{
    public required string QueueUrl { get; init; }

    /// <summary>Up to 10 entries, 256 KiB in total.</summary>
    public required IReadOnlyList<SendMessageBatchRequestEntry> Entries { get; init; }
}

namespace LambdaSuite.Aws.Sqs;

/// <summary>Up to 10 receipt handles to delete, each under an id unique within the batch.</summary>
public sealed record DeleteMessageBatchRequest
{
    public required string QueueUrl { get; init; }

    public required IReadOnlyList<DeleteMessageBatchRequestEntry> Entries { get; init; }
}

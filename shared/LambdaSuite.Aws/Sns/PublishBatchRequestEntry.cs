namespace LambdaSuite.Aws.Sns;

public sealed record PublishBatchRequestEntry
{
    /// <summary>Unique within the batch; the answer reports each entry by this id.</summary>
    public required string Id { get; init; }

    public required string Message { get; init; }

    public string? Subject { get; init; }

    public string? MessageStructure { get; init; }

    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }

    public string? MessageDeduplicationId { get; init; }

    public string? MessageGroupId { get; init; }
}

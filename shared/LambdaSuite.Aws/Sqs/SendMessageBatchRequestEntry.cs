namespace LambdaSuite.Aws.Sqs;

public sealed record SendMessageBatchRequestEntry
{
    /// <summary>Unique within the batch; the answer reports each entry by this id.</summary>
    public required string Id { get; init; }

    public required string MessageBody { get; init; }

    public int? DelaySeconds { get; init; }

    public IReadOnlyDictionary<string, MessageAttributeValue>? MessageAttributes { get; init; }

    public string? MessageDeduplicationId { get; init; }

    public string? MessageGroupId { get; init; }
}

namespace LambdaSuite.Aws.Sns;

public sealed record PublishBatchRequest
{
    public required string TopicArn { get; init; }

    /// <summary>Up to 10 entries, 256 KiB in total.</summary>
    public required IReadOnlyList<PublishBatchRequestEntry> PublishBatchRequestEntries { get; init; }
}

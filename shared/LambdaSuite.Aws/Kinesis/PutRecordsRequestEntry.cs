namespace LambdaSuite.Aws.Kinesis;

public sealed record PutRecordsRequestEntry
{
    /// <summary>The blob, base64 on the wire; at most 1 MiB with the partition key.</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }

    public required string PartitionKey { get; init; }

    public string? ExplicitHashKey { get; init; }
}

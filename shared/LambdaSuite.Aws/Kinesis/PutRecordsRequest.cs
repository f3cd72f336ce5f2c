namespace LambdaSuite.Aws.Kinesis;

public sealed record PutRecordsRequest
{
    public string? StreamName { get; init; }

    public string? StreamARN { get; init; }

    /// <summary>Up to 500 records, 5 MiB in total.</summary>
    public required IReadOnlyList<PutRecordsRequestEntry> Records { get; init; }
}

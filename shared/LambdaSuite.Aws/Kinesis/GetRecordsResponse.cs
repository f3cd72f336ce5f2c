namespace LambdaSuite.Aws.Kinesis;

public sealed record GetRecordsResponse
{
    public IReadOnlyList<Record> Records { get; init; } = [];

    /// <summary>Null once the shard is closed and fully read.</summary>
    public string? NextShardIterator { get; init; }

    public long? MillisBehindLatest { get; init; }
}

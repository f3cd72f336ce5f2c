namespace LambdaSuite.Aws.Kinesis;

public sealed record GetRecordsRequest
{
    public required string ShardIterator { get; init; }

    public int? Limit { get; init; }

    public string? StreamARN { get; init; }
}

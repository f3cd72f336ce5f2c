namespace LambdaSuite.Aws.Kinesis;

public sealed record GetShardIteratorResponse
{
    public required string ShardIterator { get; init; }
}

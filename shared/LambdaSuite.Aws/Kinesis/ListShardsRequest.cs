namespace LambdaSuite.Aws.Kinesis;

/// <summary>First page: StreamName (or StreamARN); later pages: NextToken alone, as the API requires.</summary>
public sealed record ListShardsRequest
{
    public string? StreamName { get; init; }

    public string? StreamARN { get; init; }

    public string? NextToken { get; init; }

    public string? ExclusiveStartShardId { get; init; }

    public int? MaxResults { get; init; }
}

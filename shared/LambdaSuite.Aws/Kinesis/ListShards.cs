// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

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

public sealed record ListShardsResponse
{
    public IReadOnlyList<Shard> Shards { get; init; } = [];

    public string? NextToken { get; init; }
}

public sealed record Shard
{
    public required string ShardId { get; init; }

    public string? ParentShardId { get; init; }

    public string? AdjacentParentShardId { get; init; }

    public required HashKeyRange HashKeyRange { get; init; }

    public required SequenceNumberRange SequenceNumberRange { get; init; }
}

/// <summary>Decimal strings: hash keys are 128-bit numbers.</summary>
public sealed record HashKeyRange
{
    public required string StartingHashKey { get; init; }

    public required string EndingHashKey { get; init; }
}

public sealed record SequenceNumberRange
{
    public required string StartingSequenceNumber { get; init; }

    /// <summary>Null while the shard is open.</summary>
    public string? EndingSequenceNumber { get; init; }
}

using System.Text.Json.Serialization;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Kinesis;

public sealed record GetShardIteratorRequest
{
    public string? StreamName { get; init; }

    public string? StreamARN { get; init; }

    public required string ShardId { get; init; }

    /// <summary>One of <see cref="Kinesis.ShardIteratorType"/>'s values.</summary>
    public required string ShardIteratorType { get; init; }

    public string? StartingSequenceNumber { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset? Timestamp { get; init; }
}

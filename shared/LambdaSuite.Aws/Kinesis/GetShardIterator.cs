// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

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

/// <summary>Where a shard iterator starts (the API's enum values).</summary>
public static class ShardIteratorType
{
    public const string AtSequenceNumber = "AT_SEQUENCE_NUMBER";
    public const string AfterSequenceNumber = "AFTER_SEQUENCE_NUMBER";
    public const string TrimHorizon = "TRIM_HORIZON";
    public const string Latest = "LATEST";
    public const string AtTimestamp = "AT_TIMESTAMP";
}

public sealed record GetShardIteratorResponse
{
    public required string ShardIterator { get; init; }
}

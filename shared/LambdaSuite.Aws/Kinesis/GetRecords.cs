// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

using System.Text.Json.Serialization;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Kinesis;

public sealed record GetRecordsRequest
{
    public required string ShardIterator { get; init; }

    public int? Limit { get; init; }

    public string? StreamARN { get; init; }
}

public sealed record GetRecordsResponse
{
    public IReadOnlyList<Record> Records { get; init; } = [];

    /// <summary>Null once the shard is closed and fully read.</summary>
    public string? NextShardIterator { get; init; }

    public long? MillisBehindLatest { get; init; }
}

public sealed record Record
{
    public required string SequenceNumber { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset ApproximateArrivalTimestamp { get; init; }

    public required ReadOnlyMemory<byte> Data { get; init; }

    public required string PartitionKey { get; init; }

    public string? EncryptionType { get; init; }
}

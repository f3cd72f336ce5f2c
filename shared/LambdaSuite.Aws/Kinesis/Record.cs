using System.Text.Json.Serialization;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Kinesis;

public sealed record Record
{
    public required string SequenceNumber { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset ApproximateArrivalTimestamp { get; init; }

    public required ReadOnlyMemory<byte> Data { get; init; }

    public required string PartitionKey { get; init; }

    public string? EncryptionType { get; init; }
}

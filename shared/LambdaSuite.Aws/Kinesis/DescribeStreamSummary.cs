// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

using System.Text.Json.Serialization;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Kinesis;

public sealed record DescribeStreamSummaryRequest
{
    public string? StreamName { get; init; }

    public string? StreamARN { get; init; }
}

public sealed record DescribeStreamSummaryResponse
{
    public required StreamDescriptionSummary StreamDescriptionSummary { get; init; }
}

public sealed record StreamDescriptionSummary
{
    public required string StreamName { get; init; }

    public required string StreamARN { get; init; }

    /// <summary>CREATING, DELETING, ACTIVE or UPDATING.</summary>
    public required string StreamStatus { get; init; }

    public StreamModeDetails? StreamModeDetails { get; init; }

    public int RetentionPeriodHours { get; init; }

    [JsonConverter(typeof(EpochSecondsJsonConverter))]
    public DateTimeOffset StreamCreationTimestamp { get; init; }

    public string? EncryptionType { get; init; }

    public string? KeyId { get; init; }

    public int OpenShardCount { get; init; }

    public int? ConsumerCount { get; init; }
}

using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Kinesis;

/// <summary>The <c>kinesis</c> object of a Kinesis stream record; <see cref="Data"/> arrives base64 and is decoded.</summary>
public sealed class KinesisRecord
{
    [JsonPropertyName("kinesisSchemaVersion")]
    public string? KinesisSchemaVersion { get; set; }

    [JsonPropertyName("partitionKey")]
    public string? PartitionKey { get; set; }

    [JsonPropertyName("sequenceNumber")]
    public string? SequenceNumber { get; set; }

    /// <summary>Record payload; may itself be a KPL-aggregated record.</summary>
    [JsonPropertyName("data")]
    public byte[] Data { get; set; } = [];

    /// <summary>Epoch seconds with a millisecond fraction.</summary>
    [JsonPropertyName("approximateArrivalTimestamp")]
    public double ApproximateArrivalTimestamp { get; set; }

    [JsonPropertyName("encryptionType")]
    public string? EncryptionType { get; set; }

    [JsonIgnore]
    public DateTimeOffset ApproximateArrivalTime =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(ApproximateArrivalTimestamp * 1000d, MidpointRounding.AwayFromZero));
}

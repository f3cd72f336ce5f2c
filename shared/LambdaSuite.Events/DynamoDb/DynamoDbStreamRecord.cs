using System.Text.Json.Serialization;

namespace LambdaSuite.Events.DynamoDb;

/// <summary>The <c>dynamodb</c> object of a stream record: keys, images, sequence number.</summary>
public sealed class DynamoDbStreamRecord
{
    /// <summary>Epoch seconds (whole seconds for DynamoDB Streams).</summary>
    [JsonPropertyName("ApproximateCreationDateTime")]
    public double ApproximateCreationDateTime { get; set; }

    [JsonPropertyName("Keys")]
    public Dictionary<string, DynamoDbAttributeValue>? Keys { get; set; }

    [JsonPropertyName("NewImage")]
    public Dictionary<string, DynamoDbAttributeValue>? NewImage { get; set; }

    [JsonPropertyName("OldImage")]
    public Dictionary<string, DynamoDbAttributeValue>? OldImage { get; set; }

    /// <summary>What a partial batch response names for this record.</summary>
    [JsonPropertyName("SequenceNumber")]
    public string? SequenceNumber { get; set; }

    [JsonPropertyName("SizeBytes")]
    public long SizeBytes { get; set; }

    /// <summary>KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.</summary>
    [JsonPropertyName("StreamViewType")]
    public string? StreamViewType { get; set; }

    [JsonIgnore]
    public DateTimeOffset ApproximateCreationTime =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(ApproximateCreationDateTime * 1000d, MidpointRounding.AwayFromZero));
}

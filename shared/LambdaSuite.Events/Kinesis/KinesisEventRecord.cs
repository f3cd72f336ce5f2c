using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Kinesis;

public sealed class KinesisEventRecord
{
    [JsonPropertyName("kinesis")]
    public KinesisRecord? Kinesis { get; set; }

    /// <summary><c>aws:kinesis</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    /// <summary><c>shardId-…:sequenceNumber</c>.</summary>
    [JsonPropertyName("eventID")]
    public string? EventId { get; set; }

    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    [JsonPropertyName("invokeIdentityArn")]
    public string? InvokeIdentityArn { get; set; }

    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }
}

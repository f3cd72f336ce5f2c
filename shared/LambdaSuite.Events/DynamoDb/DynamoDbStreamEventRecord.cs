using System.Text.Json.Serialization;

namespace LambdaSuite.Events.DynamoDb;

public sealed class DynamoDbStreamEventRecord
{
    public const string Insert = "INSERT";
    public const string Modify = "MODIFY";
    public const string Remove = "REMOVE";

    [JsonPropertyName("eventID")]
    public string? EventId { get; set; }

    /// <summary><see cref="Insert"/>, <see cref="Modify"/> or <see cref="Remove"/>.</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary><c>aws:dynamodb</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    [JsonPropertyName("dynamodb")]
    public DynamoDbStreamRecord? DynamoDb { get; set; }

    [JsonPropertyName("userIdentity")]
    public DynamoDbStreamUserIdentity? UserIdentity { get; set; }

    /// <summary>A removal made by DynamoDB's time-to-live sweeper rather than by a client.</summary>
    [JsonIgnore]
    public bool IsTimeToLiveRemoval =>
        EventName == Remove
        && UserIdentity is { Type: "Service", PrincipalId: "dynamodb.amazonaws.com" };
}

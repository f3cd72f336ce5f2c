using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LambdaSuite.Events.EventBridge;

/// <summary>
/// An EventBridge event. <see cref="Detail"/> stays raw JSON because each source defines its own; a scheduled
/// rule sends <c>source: aws.events</c>, <c>detail-type: Scheduled Event</c> and an empty detail.
/// </summary>
public sealed class EventBridgeEvent
{
    public const string ScheduledEventDetailType = "Scheduled Event";
    public const string ScheduledEventSource = "aws.events";

    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("detail-type")]
    public string? DetailType { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }

    [JsonPropertyName("account")]
    public string? Account { get; set; }

    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; set; }

    [JsonPropertyName("region")]
    public string? Region { get; set; }

    [JsonPropertyName("resources")]
    public List<string> Resources { get; set; } = [];

    [JsonPropertyName("detail")]
    public JsonElement Detail { get; set; }

    [JsonIgnore]
    public bool IsScheduled => DetailType == ScheduledEventDetailType && Source == ScheduledEventSource;

    /// <summary>Reads <see cref="Detail"/> as <typeparamref name="T"/> through a source-generated type info.</summary>
    public T? GetDetail<T>(JsonTypeInfo<T> typeInfo) => Detail.Deserialize(typeInfo);
}

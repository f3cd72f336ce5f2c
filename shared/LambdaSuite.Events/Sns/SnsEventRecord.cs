using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Sns;

public sealed class SnsEventRecord
{
    [JsonPropertyName("EventVersion")]
    public string? EventVersion { get; set; }

    [JsonPropertyName("EventSubscriptionArn")]
    public string? EventSubscriptionArn { get; set; }

    /// <summary><c>aws:sns</c>.</summary>
    [JsonPropertyName("EventSource")]
    public string? EventSource { get; set; }

    [JsonPropertyName("Sns")]
    public SnsMessage? Sns { get; set; }
}

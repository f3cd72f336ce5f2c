using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Sns;

/// <summary>One SNS message attribute: <c>Type</c> is String, String.Array, Number or Binary (base64 in <c>Value</c>).</summary>
public sealed class SnsMessageAttribute
{
    [JsonPropertyName("Type")]
    public string? Type { get; set; }

    [JsonPropertyName("Value")]
    public string? Value { get; set; }
}

using System.Text.Json.Serialization;

namespace DnsMirror.Sync;

/// <summary>
/// The suite's own alert as ChatRelay reads it from the alert topic: who raised it, one line, and string details.
/// The member names are the contract's (lower case), whatever the context's naming policy.
/// </summary>
internal sealed class FailureAlert
{
    [JsonPropertyName("source")]
    public string Source { get; init; } = "DnsMirror";

    [JsonPropertyName("summary")]
    public string Summary { get; init; } = "";

    [JsonPropertyName("details")]
    public Dictionary<string, string> Details { get; init; } = new(StringComparer.Ordinal);
}

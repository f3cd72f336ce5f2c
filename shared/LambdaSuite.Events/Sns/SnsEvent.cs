using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Sns;

/// <summary>Lambda's SNS invocation: one record per delivered notification (Lambda currently sends one).</summary>
public sealed class SnsEvent
{
    [JsonPropertyName("Records")]
    public List<SnsEventRecord> Records { get; set; } = [];
}

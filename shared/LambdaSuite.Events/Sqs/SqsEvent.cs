using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Sqs;

public sealed class SqsEvent
{
    [JsonPropertyName("Records")]
    public List<SqsMessage> Records { get; set; } = [];
}

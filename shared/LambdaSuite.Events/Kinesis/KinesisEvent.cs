using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Kinesis;

public sealed class KinesisEvent
{
    [JsonPropertyName("Records")]
    public List<KinesisEventRecord> Records { get; set; } = [];
}

using System.Text.Json.Serialization;

namespace LambdaSuite.Events.DynamoDb;

public sealed class DynamoDbStreamEvent
{
    [JsonPropertyName("Records")]
    public List<DynamoDbStreamEventRecord> Records { get; set; } = [];
}

using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Batch;

public sealed class BatchItemFailure
{
    /// <summary>SQS: the message id. Kinesis and DynamoDB Streams: the record's sequence number.</summary>
    [JsonPropertyName("itemIdentifier")]
    public string? ItemIdentifier { get; set; }
}

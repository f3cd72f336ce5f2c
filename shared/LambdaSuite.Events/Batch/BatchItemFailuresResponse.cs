using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Batch;

/// <summary>
/// Partial batch response for SQS, Kinesis and DynamoDB Streams (needs <c>ReportBatchItemFailures</c> on the
/// event source mapping). An empty list means the whole batch succeeded. For streams Lambda retries from the
/// lowest failed sequence number, so listing the first failure is enough.
/// </summary>
public sealed class BatchItemFailuresResponse
{
    [JsonPropertyName("batchItemFailures")]
    public List<BatchItemFailure> BatchItemFailures { get; set; } = [];

    public static BatchItemFailuresResponse For(IEnumerable<string> itemIdentifiers)
    {
        ArgumentNullException.ThrowIfNull(itemIdentifiers);
        return new BatchItemFailuresResponse
        {
            BatchItemFailures = [.. itemIdentifiers.Select(id => new BatchItemFailure { ItemIdentifier = id })],
        };
    }
}

namespace LambdaSuite.Aws.Firehose;

public sealed record PutRecordBatchRequest
{
    public required string DeliveryStreamName { get; init; }

    /// <summary>Up to 500 records, 4 MiB in total.</summary>
    public required IReadOnlyList<Record> Records { get; init; }
}

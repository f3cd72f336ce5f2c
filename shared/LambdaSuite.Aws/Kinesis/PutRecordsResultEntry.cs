namespace LambdaSuite.Aws.Kinesis;

/// <summary>Outcome of one record, in request order: a sequence number, or an ErrorCode such as ProvisionedThroughputExceededException.</summary>
public sealed record PutRecordsResultEntry
{
    public string? SequenceNumber { get; init; }

    public string? ShardId { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}

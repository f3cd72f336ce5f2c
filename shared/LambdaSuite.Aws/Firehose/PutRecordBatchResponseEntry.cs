namespace LambdaSuite.Aws.Firehose;

/// <summary>Outcome of one record, in request order: a RecordId, or an ErrorCode such as ServiceUnavailableException.</summary>
public sealed record PutRecordBatchResponseEntry
{
    public string? RecordId { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}

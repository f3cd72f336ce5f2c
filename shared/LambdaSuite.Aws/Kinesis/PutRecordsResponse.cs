namespace LambdaSuite.Aws.Kinesis;

/// <summary>Per-record outcome: the answer is 200 even when <see cref="FailedRecordCount"/> is not zero.</summary>
public sealed record PutRecordsResponse
{
    public int FailedRecordCount { get; init; }

    public IReadOnlyList<PutRecordsResultEntry> Records { get; init; } = [];

    public string? EncryptionType { get; init; }
}

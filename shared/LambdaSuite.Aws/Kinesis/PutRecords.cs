// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Kinesis;

public sealed record PutRecordsRequest
{
    public string? StreamName { get; init; }

    public string? StreamARN { get; init; }

    /// <summary>Up to 500 records, 5 MiB in total.</summary>
    public required IReadOnlyList<PutRecordsRequestEntry> Records { get; init; }
}

public sealed record PutRecordsRequestEntry
{
    /// <summary>The blob, base64 on the wire; at most 1 MiB with the partition key.</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }

    public required string PartitionKey { get; init; }

    public string? ExplicitHashKey { get; init; }
}

/// <summary>Per-record outcome: the answer is 200 even when <see cref="FailedRecordCount"/> is not zero.</summary>
public sealed record PutRecordsResponse
{
    public int FailedRecordCount { get; init; }

    public IReadOnlyList<PutRecordsResultEntry> Records { get; init; } = [];

    public string? EncryptionType { get; init; }
}

/// <summary>Outcome of one record, in request order: a sequence number, or an ErrorCode such as ProvisionedThroughputExceededException.</summary>
public sealed record PutRecordsResultEntry
{
    public string? SequenceNumber { get; init; }

    public string? ShardId { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}

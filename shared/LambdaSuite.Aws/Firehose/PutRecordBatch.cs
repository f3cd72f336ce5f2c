// Grouped shapes of one operation: its request, its response and the small types they carry are read together,
// so they share this file, the one exception to one type per file (see this project's README, "Files").

namespace LambdaSuite.Aws.Firehose;

public sealed record PutRecordBatchRequest
{
    public required string DeliveryStreamName { get; init; }

    /// <summary>Up to 500 records, 4 MiB in total.</summary>
    public required IReadOnlyList<Record> Records { get; init; }
}

public sealed record Record
{
    /// <summary>The blob, base64 on the wire; at most 1,000 KiB before encoding.</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }
}

/// <summary>Per-record outcome: the answer is 200 even when <see cref="FailedPutCount"/> is not zero.</summary>
public sealed record PutRecordBatchResponse
{
    public int FailedPutCount { get; init; }

    public bool? Encrypted { get; init; }

    public IReadOnlyList<PutRecordBatchResponseEntry> RequestResponses { get; init; } = [];
}

/// <summary>Outcome of one record, in request order: a RecordId, or an ErrorCode such as ServiceUnavailableException.</summary>
public sealed record PutRecordBatchResponseEntry
{
    public string? RecordId { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}

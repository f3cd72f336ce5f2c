namespace LambdaSuite.Aws.Firehose;

/// <summary>The Firehose operations the suite calls: the seam services take, so tests can pass a fake.</summary>
public interface IFirehoseClient
{
    Task<PutRecordBatchResponse> PutRecordBatchAsync(PutRecordBatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>The same client with retries bounded by <paramref name="deadline"/>.</summary>
    IFirehoseClient WithDeadline(DateTimeOffset deadline);
}

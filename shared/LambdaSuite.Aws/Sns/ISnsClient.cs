namespace LambdaSuite.Aws.Sns;

/// <summary>The SNS operations the suite calls: the seam services take, so tests can pass a fake.</summary>
public interface ISnsClient
{
    Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);

    Task<PublishBatchResponse> PublishBatchAsync(PublishBatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>The same operation with a form written straight from the messages' bytes (see <see cref="PublishBatchBody"/>).</summary>
    Task<PublishBatchResponse> PublishBatchAsync(PublishBatchBody body, CancellationToken cancellationToken = default);

    /// <summary>The same client with retries bounded by <paramref name="deadline"/>.</summary>
    ISnsClient WithDeadline(DateTimeOffset deadline);
}

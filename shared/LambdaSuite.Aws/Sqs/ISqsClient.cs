namespace LambdaSuite.Aws.Sqs;

/// <summary>The SQS operations the suite calls: the seam services take, so tests can pass a fake.</summary>
public interface ISqsClient
{
    Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default);

    Task<SendMessageBatchResponse> SendMessageBatchAsync(SendMessageBatchRequest request, CancellationToken cancellationToken = default);

    /// <summary>The same operation with a body written straight from the messages' bytes (see <see cref="SendMessageBatchBody"/>).</summary>
    Task<SendMessageBatchResponse> SendMessageBatchAsync(SendMessageBatchBody body, CancellationToken cancellationToken = default);

    /// <summary>The same client with retries bounded by <paramref name="deadline"/>.</summary>
    ISqsClient WithDeadline(DateTimeOffset deadline);
}

using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Sqs;

/// <summary>
/// SQS over the AWS JSON 1.0 protocol (<c>X-Amz-Target: AmazonSQS.{Operation}</c>). Written in-house when AWSSDK.SQS
/// could not be had here; the registry serves it now (4.1.0.1, AOT-clean), and this client stays because it shares
/// the other clients' one signing, retry and error path and deadline, until a measured comparison (cold start,
/// memory, cost per batch) says the package does better. Operation and field names follow the SDK so it can
/// replace this class.
/// </summary>
public sealed class SqsClient(AwsHttp http) : ISqsClient
{
    /// <summary>IAM actions the operations here need: SendMessageBatch is authorised by <c>sqs:SendMessage</c>.</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["sqs:SendMessage"];

    /// <summary>
    /// IAM actions of the consumer operations (ReceiveMessage, DeleteMessageBatch), which no function calls: Lambda's
    /// event source mapping reads queues for them; the suite's local stand-in for that mapping uses these.
    /// </summary>
    public static IReadOnlyList<string> ConsumerIamActions { get; } = ["sqs:ReceiveMessage", "sqs:DeleteMessage"];

    private const string TargetPrefix = "AmazonSQS";
    private const string JsonVersion = "1.0";

    public AwsHttp Http { get; } = http ?? throw new ArgumentNullException(nameof(http));

    public SqsClient WithDeadline(DateTimeOffset deadline) => new(Http.WithDeadline(deadline));

    ISqsClient ISqsClient.WithDeadline(DateTimeOffset deadline) => WithDeadline(deadline);

    public Task<SendMessageResponse> SendMessageAsync(SendMessageRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeAsync(TargetPrefix, JsonVersion, "SendMessage", request, SqsJsonContext.Default.SendMessageRequest, SqsJsonContext.Default.SendMessageResponse, cancellationToken);

    /// <summary>Sends up to 10 messages; entries SQS rejects come back in <see cref="SendMessageBatchResponse.Failed"/>.</summary>
    public Task<SendMessageBatchResponse> SendMessageBatchAsync(SendMessageBatchRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeAsync(TargetPrefix, JsonVersion, "SendMessageBatch", request, SqsJsonContext.Default.SendMessageBatchRequest, SqsJsonContext.Default.SendMessageBatchResponse, cancellationToken);

    /// <summary>Receives up to 10 messages; an empty answer after the wait is not an error.</summary>
    public Task<ReceiveMessageResponse> ReceiveMessageAsync(ReceiveMessageRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeAsync(TargetPrefix, JsonVersion, "ReceiveMessage", request, SqsJsonContext.Default.ReceiveMessageRequest, SqsJsonContext.Default.ReceiveMessageResponse, cancellationToken);

    /// <summary>Deletes up to 10 messages by receipt handle (authorised by <c>sqs:DeleteMessage</c>); refusals come back in <see cref="DeleteMessageBatchResponse.Failed"/>.</summary>
    public Task<DeleteMessageBatchResponse> DeleteMessageBatchAsync(DeleteMessageBatchRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeAsync(TargetPrefix, JsonVersion, "DeleteMessageBatch", request, SqsJsonContext.Default.DeleteMessageBatchRequest, SqsJsonContext.Default.DeleteMessageBatchResponse, cancellationToken);
}

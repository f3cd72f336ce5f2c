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
}

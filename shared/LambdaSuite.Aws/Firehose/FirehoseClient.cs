using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Firehose;

/// <summary>
/// Amazon Data Firehose over the AWS JSON 1.1 protocol (<c>X-Amz-Target: Firehose_20150804.{Operation}</c>). In-house
/// because AWSSDK.KinesisFirehose is not served by the NuGet registry these machines reach; operation and field names
/// follow it so it can replace this class.
/// </summary>
public sealed class FirehoseClient(AwsHttp http) : IFirehoseClient
{
    /// <summary>IAM actions the operations here need (serverless.template grants exactly these to a function composing this client).</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["firehose:PutRecordBatch"];

    public AwsHttp Http { get; } = http ?? throw new ArgumentNullException(nameof(http));

    public FirehoseClient WithDeadline(DateTimeOffset deadline) => new(Http.WithDeadline(deadline));

    IFirehoseClient IFirehoseClient.WithDeadline(DateTimeOffset deadline) => WithDeadline(deadline);

    /// <summary>Writes up to 500 records; rejected records carry an ErrorCode in the answer, in request order.</summary>
    public Task<PutRecordBatchResponse> PutRecordBatchAsync(PutRecordBatchRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeAsync("Firehose_20150804", "1.1", "PutRecordBatch", request, FirehoseJsonContext.Default.PutRecordBatchRequest, FirehoseJsonContext.Default.PutRecordBatchResponse, cancellationToken);
}

using System.Runtime.CompilerServices;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Kinesis;

/// <summary>
/// Kinesis Data Streams over the AWS JSON 1.1 protocol (<c>X-Amz-Target: Kinesis_20131202.{Operation}</c>). In-house
/// because AWSSDK.Kinesis is not served by the NuGet registry these machines reach; operation and field names follow
/// it so it can replace this class.
/// </summary>
public sealed class KinesisClient(AwsHttp http)
{
    /// <summary>IAM actions for writing, the one thing a function does with this client; the read and admin operations
    /// (streams, shards, records) serve the CLI and tests and are listed apart so no function is granted them by default.</summary>
    public static IReadOnlyList<string> IamActions { get; } = ["kinesis:PutRecords"];

    /// <summary>IAM actions of the read and admin operations (CreateStream, DescribeStreamSummary, ListShards, GetShardIterator, GetRecords).</summary>
    public static IReadOnlyList<string> ReadAndAdminIamActions { get; } = ["kinesis:CreateStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords"];

    private const string TargetPrefix = "Kinesis_20131202";
    private const string JsonVersion = "1.1";

    public AwsHttp Http { get; } = http ?? throw new ArgumentNullException(nameof(http));

    public KinesisClient WithDeadline(DateTimeOffset deadline) => new(Http.WithDeadline(deadline));

    /// <summary>Writes up to 500 records; rejected records carry an ErrorCode in the answer, in request order.</summary>
    public Task<PutRecordsResponse> PutRecordsAsync(PutRecordsRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeAsync(TargetPrefix, JsonVersion, "PutRecords", request, KinesisJsonContext.Default.PutRecordsRequest, KinesisJsonContext.Default.PutRecordsResponse, cancellationToken);

    /// <summary>Sends a body written with <see cref="PutRecordsBody"/> (completed here; the caller disposes it after the call).</summary>
    public Task<PutRecordsResponse> PutRecordsAsync(PutRecordsBody body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Http.InvokeRawAsync(TargetPrefix, JsonVersion, "PutRecords", body.Complete(), KinesisJsonContext.Default.PutRecordsResponse, cancellationToken);
    }

    public Task<CreateStreamResponse> CreateStreamAsync(CreateStreamRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeEmptyAsync(TargetPrefix, JsonVersion, "CreateStream", request, KinesisJsonContext.Default.CreateStreamRequest, new CreateStreamResponse(), cancellationToken);

    public Task<DescribeStreamSummaryResponse> DescribeStreamSummaryAsync(DescribeStreamSummaryRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeAsync(TargetPrefix, JsonVersion, "DescribeStreamSummary", request, KinesisJsonContext.Default.DescribeStreamSummaryRequest, KinesisJsonContext.Default.DescribeStreamSummaryResponse, cancellationToken);

    public Task<ListShardsResponse> ListShardsAsync(ListShardsRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeAsync(TargetPrefix, JsonVersion, "ListShards", request, KinesisJsonContext.Default.ListShardsRequest, KinesisJsonContext.Default.ListShardsResponse, cancellationToken);

    /// <summary>Every shard of the stream, page by page (later pages send NextToken alone, as the API requires).</summary>
    public async IAsyncEnumerable<Shard> ListAllShardsAsync(string streamName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = new ListShardsRequest { StreamName = streamName };
        while (true)
        {
            var page = await ListShardsAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var shard in page.Shards)
            {
                yield return shard;
            }

            if (page.NextToken is null)
            {
                yield break;
            }

            request = new ListShardsRequest { NextToken = page.NextToken };
        }
    }

    public Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeAsync(TargetPrefix, JsonVersion, "GetShardIterator", request, KinesisJsonContext.Default.GetShardIteratorRequest, KinesisJsonContext.Default.GetShardIteratorResponse, cancellationToken);

    public Task<GetRecordsResponse> GetRecordsAsync(GetRecordsRequest request, CancellationToken cancellationToken = default) =>
        Http.InvokeAsync(TargetPrefix, JsonVersion, "GetRecords", request, KinesisJsonContext.Default.GetRecordsRequest, KinesisJsonContext.Default.GetRecordsResponse, cancellationToken);
}

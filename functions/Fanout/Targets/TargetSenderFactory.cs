using System.Collections.Concurrent;
using Amazon.Runtime;
using Fanout.Delivery;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Firehose;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.IotData;
using LambdaSuite.Aws.Kinesis;
using LambdaSuite.Aws.Lambda;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Aws.Sns;
using LambdaSuite.Aws.Sqs;
using LambdaSuite.Data.Fanout;

namespace Fanout.Targets;

/// <summary>
/// Senders over the in-house AWS clients: the mapping's region (cross-region) and role (cross-account, through the
/// shared STS credential cache) pick the signed client. Senders are kept per container, so connections (HTTP pools,
/// Redis and memcached sockets) outlive one invocation.
/// </summary>
internal sealed class TargetSenderFactory(AwsClientFactory aws, TimeProvider timeProvider) : ITargetSenderFactory, IAsyncDisposable
{
    /// <summary>OpenSearch Service signs as <c>es</c>; its endpoint is the mapping's URL, not a regional one.</summary>
    public static readonly AwsService OpenSearch = new("OPENSEARCH", "es", "es");

    /// <summary>
    /// The engine (<see cref="TargetDelivery"/>) owns every retry of a delivery, with the invocation's deadline and
    /// its own attempt budget; a client that retried too would multiply the two (4 client attempts under each of 8
    /// engine attempts: 32 sends per call in an outage). So each client here makes one attempt, still cut off at the
    /// deadline, on the factory's clock. STS (cross-account credentials, cached per role) keeps the factory's retries:
    /// a credential fetch is not a delivery call.
    /// </summary>
    private AwsRetryPolicy OneAttemptPolicy => aws.RetryPolicy with { MaxAttempts = 1 };

    private readonly ConcurrentDictionary<string, ITargetSender> _senders = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<IAsyncDisposable> _connections = [];

    public ITargetSender Create(FanoutTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var key = string.Join('|', target.Name, target.SourceArn, target.Destination, target.Region, target.Role, target.ExternalId, target.Topic, target.Index, target.Ttl, target.KeyPrefix, target.FifoGroup, target.Deduplication, target.Qos, target.Auth, target.Tls);
        return _senders.GetOrAdd(key, _ => Build(target));
    }

    public ITargetSender CreateDeadLetter(string queue, FanoutTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var region = RegionOf(target);
        if (!FanoutDestinations.TryQueueUrl(queue, region, out var url))
        {
            throw new ArgumentException($"'{queue}' is not an SQS queue URL or ARN.", nameof(queue));
        }

        // The dead-letter queue belongs to the function's account: no role, and its own FIFO settings.
        var deadLetter = new FanoutTarget { SourceArn = target.SourceArn, Id = "dead-letter", Type = FanoutTargetType.Sqs, Destination = url };
        return _senders.GetOrAdd("dead-letter|" + url, _ => new SqsSender(new SqsClient(OneAttempt(AwsService.Sqs, aws.Endpoints.Region, credentials: null)), url, deadLetter));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ITargetSender Build(FanoutTarget target)
    {
        var region = RegionOf(target);
        var credentials = CredentialsOf(target, region);
        switch (target.Type)
        {
            case FanoutTargetType.Kinesis:
                FanoutDestinations.TryStreamName(target.Destination, "kinesis", "stream", out var stream);
                return new KinesisSender(new KinesisClient(OneAttempt(AwsService.Kinesis, region, credentials)), stream ?? target.Destination);
            case FanoutTargetType.Firehose:
                FanoutDestinations.TryStreamName(target.Destination, "firehose", "deliverystream", out var delivery);
                return new FirehoseSender(new FirehoseClient(OneAttempt(AwsService.Firehose, region, credentials)), delivery ?? target.Destination);
            case FanoutTargetType.Sqs:
                FanoutDestinations.TryQueueUrl(target.Destination, region, out var queueUrl);
                return new SqsSender(new SqsClient(OneAttempt(AwsService.Sqs, region, credentials)), queueUrl ?? target.Destination, target);
            case FanoutTargetType.Sns:
                return new SnsSender(new SnsClient(OneAttempt(AwsService.Sns, region, credentials)), target.Destination, target);
            case FanoutTargetType.Iot:
                return new IotSender(new IotDataClient(OneAttempt(aws.CreateIotData(target.Destination, region, credentials).Http)), target.Topic ?? "", target.Qos);
            case FanoutTargetType.Lambda:
                return new LambdaSender(new LambdaClient(OneAttempt(AwsService.Lambda, region, credentials)), target.Destination);
            case FanoutTargetType.OpenSearch:
                var endpoint = new Uri(target.Destination);
                var http = new AwsHttp(aws.SignedHttpClient(OpenSearch, region, credentials), OpenSearch, endpoint, region, OneAttemptPolicy);
                return new OpenSearchSender(http, target.Index ?? "");
            case FanoutTargetType.Redis:
                var redis = new RedisSender(RedisSender.Connect(target), target);
                _connections.Add(redis);
                return redis;
            case FanoutTargetType.Memcached:
                var memcached = MemcachedSender.Connect(target);
                _connections.Add(memcached);
                return new MemcachedSender(memcached, target, timeProvider);
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target.Type, "Unknown target type.");
        }
    }

    private AwsHttp OneAttempt(AwsHttp http) => http.WithRetryPolicy(OneAttemptPolicy);

    private AwsHttp OneAttempt(AwsService service, string region, AWSCredentials? credentials) => OneAttempt(aws.Http(service, region, credentials));

    /// <summary>The mapping's region, else the destination ARN's or queue URL's, else the function's.</summary>
    private string RegionOf(FanoutTarget target) =>
        target.Region
        ?? (AwsArn.TryParse(target.Destination, out var arn) && arn.Region.Length > 0 ? arn.Region : null)
        ?? (target.Type == FanoutTargetType.Sqs && FanoutDestinations.TryRegionOfQueueUrl(target.Destination, out var queueRegion) ? queueRegion : null)
        ?? aws.Endpoints.Region;

    private AWSCredentials? CredentialsOf(FanoutTarget target, string region) =>
        target.Role is null ? null : aws.AssumedRoles.Get(target.Role, target.ExternalId, region);
}

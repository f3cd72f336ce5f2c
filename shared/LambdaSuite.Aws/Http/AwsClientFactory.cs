using System.Collections.Concurrent;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Firehose;
using LambdaSuite.Aws.IotData;
using LambdaSuite.Aws.Kinesis;
using LambdaSuite.Aws.Lambda;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Aws.Route53;
using LambdaSuite.Aws.SecretsManager;
using LambdaSuite.Aws.Sns;
using LambdaSuite.Aws.Sqs;
using LambdaSuite.Aws.Sts;

namespace LambdaSuite.Aws.Http;

/// <summary>
/// Builds the in-house clients: one SigV4-signed <see cref="HttpClient"/> per (service, signing region, credentials),
/// reused for the life of the process as Lambda recommends, with endpoints from <see cref="AwsEndpointResolver"/>
/// (<c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> points a client at the local stack or a stub). Credentials default to the
/// SDK's default chain (environment, profile, container, instance), resolved on first use, not in the constructor.
/// </summary>
public sealed class AwsClientFactory : IDisposable
{
    private readonly ConcurrentDictionary<(string Service, string Region, AWSCredentials Credentials), HttpClient> _clients = new();
    private readonly Lazy<AWSCredentials> _defaultCredentials;
    private readonly Lazy<AssumeRoleCredentialCache> _assumedRoles;
    private readonly Func<HttpMessageHandler> _transport;

    public AwsClientFactory(AwsEndpointResolver endpoints, AWSCredentials? credentials = null, AwsRetryPolicy? retryPolicy = null, Func<HttpMessageHandler>? transport = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        Endpoints = endpoints;
        RetryPolicy = retryPolicy ?? AwsRetryPolicy.Default;
        _defaultCredentials = credentials is not null
            ? new Lazy<AWSCredentials>(credentials)
            : new Lazy<AWSCredentials>(() => DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
        _transport = transport ?? DefaultTransport;
        _assumedRoles = new Lazy<AssumeRoleCredentialCache>(() => new AssumeRoleCredentialCache(region => CreateSts(region), RetryPolicy.TimeProvider));
    }

    public static AwsClientFactory FromEnvironment(Func<string, string?> environment) => new(new AwsEndpointResolver(environment));

    public AwsEndpointResolver Endpoints { get; }

    public AwsRetryPolicy RetryPolicy { get; }

    public AWSCredentials DefaultCredentials => _defaultCredentials.Value;

    /// <summary>Cross-account credentials: <c>CreateSqs(region, AssumedRoles.Get(roleArn, externalId, region))</c>.</summary>
    public AssumeRoleCredentialCache AssumedRoles => _assumedRoles.Value;

    /// <summary>The shared signed client for (service, signing region, credentials).</summary>
    public HttpClient SignedHttpClient(AwsService service, string signingRegion, AWSCredentials? credentials = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(signingRegion);
        credentials ??= DefaultCredentials;
        return _clients.GetOrAdd(
            (service.SigningName, signingRegion, credentials),
            key => new HttpClient(new AwsSigningHandler(key.Credentials, key.Region, key.Service, _transport()))
            {
                // Attempts are bounded here; the whole call is bounded by the retry policy's deadline and the caller's token.
                Timeout = TimeSpan.FromSeconds(30),
            });
    }

    /// <summary>Endpoint, signed client and retry policy for one service in one region.</summary>
    public AwsHttp Http(AwsService service, string? region = null, AWSCredentials? credentials = null, Uri? endpoint = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        region ??= Endpoints.Region;
        var signingRegion = Endpoints.SigningRegion(service, region);
        return new AwsHttp(SignedHttpClient(service, signingRegion, credentials), service, endpoint ?? Endpoints.Resolve(service, region), signingRegion, RetryPolicy);
    }

    public SnsClient CreateSns(string? region = null, AWSCredentials? credentials = null) => new(Http(AwsService.Sns, region, credentials));

    public SqsClient CreateSqs(string? region = null, AWSCredentials? credentials = null) => new(Http(AwsService.Sqs, region, credentials));

    public KinesisClient CreateKinesis(string? region = null, AWSCredentials? credentials = null) => new(Http(AwsService.Kinesis, region, credentials));

    public FirehoseClient CreateFirehose(string? region = null, AWSCredentials? credentials = null) => new(Http(AwsService.Firehose, region, credentials));

    public LambdaClient CreateLambda(string? region = null, AWSCredentials? credentials = null) => new(Http(AwsService.Lambda, region, credentials));

    public SecretsManagerClient CreateSecretsManager(string? region = null, AWSCredentials? credentials = null) => new(Http(AwsService.SecretsManager, region, credentials));

    public StsClient CreateSts(string? region = null) => new(Http(AwsService.Sts, region));

    /// <summary>Route 53 is global: the region only selects the partition (and so the endpoint and signing region).</summary>
    /// <summary>
    /// Route 53 throttles per account (a bucket of 50 requests refilled at 10 a second, by its documented defaults),
    /// so calls to AWS's own endpoint are paced to that bucket, one pacer for the process. A configured endpoint
    /// (LocalStack, a stub) has no such bucket and is not paced.
    /// </summary>
    public Route53Client CreateRoute53(string? region = null, AWSCredentials? credentials = null)
    {
        var http = Http(AwsService.Route53, region, credentials);
        return new(Endpoints.ConfiguredEndpoint(AwsService.Route53) is null ? http.WithPacer(Route53Client.AccountPacer) : http);
    }

    /// <summary>
    /// IoT Data: <c>AWS_ENDPOINT_URL_IOT_DATA_PLANE</c> wins; otherwise the account's own data endpoint
    /// (<c>xxxx-ats.iot.REGION.amazonaws.com</c>, from <c>aws iot describe-endpoint</c>) when given; otherwise the
    /// regional <c>data-ats.iot</c> endpoint.
    /// </summary>
    public IotDataClient CreateIotData(string? accountEndpoint = null, string? region = null, AWSCredentials? credentials = null)
    {
        Uri? endpoint = null;
        if (Endpoints.ConfiguredEndpoint(AwsService.IotDataPlane) is null && !string.IsNullOrWhiteSpace(accountEndpoint))
        {
            var text = accountEndpoint.Trim();
            endpoint = new Uri(text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text + "/");
        }

        return new IotDataClient(Http(AwsService.IotDataPlane, region, credentials, endpoint));
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        if (_assumedRoles.IsValueCreated)
        {
            _assumedRoles.Value.Dispose();
        }
    }

    private static SocketsHttpHandler DefaultTransport() => new()
    {
        // Rotate connections so DNS changes (service endpoint failover) are picked up by long-lived processes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    };
}

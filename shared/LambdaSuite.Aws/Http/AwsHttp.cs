using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Retry;

namespace LambdaSuite.Aws.Http;

/// <summary>
/// One service endpoint as the in-house clients call it: a SigV4-signed <see cref="HttpClient"/>, the endpoint,
/// the signing region and the retry policy. Sends an operation, retries it per policy (building a fresh request
/// for every attempt, since a sent <see cref="HttpRequestMessage"/> cannot be reused) and turns error answers into
/// <see cref="AwsServiceException"/>.
/// </summary>
public sealed class AwsHttp
{
    private static readonly HttpRequestOptionsKey<string> s_serviceOption = new(AwsSigningHandler.ServiceOptionKey);
    private static readonly HttpRequestOptionsKey<string> s_regionOption = new(AwsSigningHandler.RegionOptionKey);

    public AwsHttp(HttpClient httpClient, AwsService service, Uri endpoint, string signingRegion, AwsRetryPolicy? retryPolicy = null, RequestPacer? pacer = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(signingRegion);
        HttpClient = httpClient;
        Service = service;
        Endpoint = endpoint;
        SigningRegion = signingRegion;
        RetryPolicy = retryPolicy ?? AwsRetryPolicy.Default;
        Pacer = pacer;
    }

    public HttpClient HttpClient { get; }

    public AwsService Service { get; }

    public Uri Endpoint { get; }

    public string SigningRegion { get; }

    public AwsRetryPolicy RetryPolicy { get; }

    /// <summary>When set, every attempt (retries included) first takes a token from it.</summary>
    public RequestPacer? Pacer { get; }

    public AwsHttp WithRetryPolicy(AwsRetryPolicy retryPolicy) => new(HttpClient, Service, Endpoint, SigningRegion, retryPolicy, Pacer);

    public AwsHttp WithPacer(RequestPacer? pacer) => new(HttpClient, Service, Endpoint, SigningRegion, RetryPolicy, pacer);

    public AwsHttp WithDeadline(DateTimeOffset deadline) => WithRetryPolicy(RetryPolicy.WithDeadline(deadline));

    /// <summary>
    /// The endpoint with <paramref name="pathAndQuery"/> appended. The caller percent-encodes; the text is kept
    /// as given (a path prefix on the endpoint, as some proxies use, is preserved).
    /// </summary>
    public Uri UriFor(string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(pathAndQuery);
        var root = Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        return new Uri(root + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery), UriKind.Absolute);
    }

    /// <summary>Sends <paramref name="operation"/> with retries; <paramref name="parse"/> reads a 2xx answer.</summary>
    public Task<T> SendAsync<T>(string operation, AwsProtocol protocol, Func<HttpRequestMessage> createRequest, Func<AwsHttpResponse, T> parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createRequest);
        ArgumentNullException.ThrowIfNull(parse);
        // Without a pacer the attempt is the send itself: one async frame less on every call.
        return Pacer is null
            ? RetryPolicy.ExecuteAsync(token => SendOnceAsync(operation, protocol, createRequest, parse, token), cancellationToken)
            : RetryPolicy.ExecuteAsync(token => PacedSendOnceAsync(Pacer, operation, protocol, createRequest, parse, token), cancellationToken);
    }

    private async Task<T> PacedSendOnceAsync<T>(RequestPacer pacer, string operation, AwsProtocol protocol, Func<HttpRequestMessage> createRequest, Func<AwsHttpResponse, T> parse, CancellationToken cancellationToken)
    {
        await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await SendOnceAsync(operation, protocol, createRequest, parse, cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> SendOnceAsync<T>(string operation, AwsProtocol protocol, Func<HttpRequestMessage> createRequest, Func<AwsHttpResponse, T> parse, CancellationToken cancellationToken)
    {
        using var request = createRequest();
        request.Options.Set(s_serviceOption, Service.SigningName);
        request.Options.Set(s_regionOption, SigningRegion);
        using var response = await HttpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var answer = new AwsHttpResponse(response.StatusCode, response.Headers, response.Content.Headers, body);
        if (!response.IsSuccessStatusCode)
        {
            throw AwsErrorParser.Parse(Service.SigningName, operation, protocol, response.StatusCode, answer.Header, body);
        }

        return parse(answer);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace LambdaSuite.Runtime;

/// <summary>
/// Client for the Lambda Runtime API (2018-06-01) that a custom runtime (<c>provided.al2023</c>) talks to.
/// Amazon.Lambda.RuntimeSupport is not available from the registry these machines reach, so the four calls
/// the host needs are made here with a plain <see cref="HttpClient"/>.
/// </summary>
public sealed class LambdaRuntimeApiClient : IDisposable
{
    private const string ErrorContentType = "application/json";

    private readonly HttpClient _httpClient;
    private readonly bool _ownsHttpClient;

    /// <param name="runtimeApi">The host:port from <c>AWS_LAMBDA_RUNTIME_API</c>.</param>
    public LambdaRuntimeApiClient(string runtimeApi)
        : this(CreateHttpClient(runtimeApi), ownsHttpClient: true)
    {
    }

    /// <param name="httpClient">A client whose <see cref="HttpClient.BaseAddress"/> ends in <c>/2018-06-01/runtime/</c>.</param>
    public LambdaRuntimeApiClient(HttpClient httpClient)
        : this(httpClient, ownsHttpClient: false)
    {
    }

    private LambdaRuntimeApiClient(HttpClient httpClient, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
    }

    public static Uri BaseAddressFor(string runtimeApi)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        return new Uri($"http://{runtimeApi}/2018-06-01/runtime/");
    }

    /// <summary>Long-polls for the next event; Lambda may freeze the process inside this call, so it never times out.</summary>
    public async Task<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await _httpClient.GetAsync("invocation/next", HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new LambdaRuntimeApiException($"invocation/next answered {(int)response.StatusCode}.", (int)response.StatusCode);
        }

        var headers = response.Headers;
        var requestId = Header(headers, RuntimeApiHeaders.RequestId)
            ?? throw new LambdaRuntimeApiException($"invocation/next answered without {RuntimeApiHeaders.RequestId}.");
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new LambdaInvocation(requestId, body)
        {
            DeadlineMs = long.TryParse(Header(headers, RuntimeApiHeaders.DeadlineMs), NumberStyles.None, CultureInfo.InvariantCulture, out var deadline) ? deadline : null,
            InvokedFunctionArn = Header(headers, RuntimeApiHeaders.InvokedFunctionArn) ?? "",
            TraceId = Header(headers, RuntimeApiHeaders.TraceId),
            ClientContext = Header(headers, RuntimeApiHeaders.ClientContext),
            CognitoIdentity = Header(headers, RuntimeApiHeaders.CognitoIdentity),
        };
    }

    public async Task PostResponseAsync(string requestId, ReadOnlyMemory<byte> responseJson, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        using var content = new ReadOnlyMemoryContent(responseJson);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        await PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", content, errorType: null, cancellationToken).ConfigureAwait(false);
    }

    public async Task PostInvocationErrorAsync(string requestId, LambdaError error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentNullException.ThrowIfNull(error);
        using var content = ErrorContent(error);
        await PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", content, error.ErrorType, cancellationToken).ConfigureAwait(false);
    }

    public async Task PostInitErrorAsync(LambdaError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var content = ErrorContent(error);
        await PostAsync("init/error", content, error.ErrorType, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        if (_ownsHttpClient)
        {
            _httpClient.Dispose();
        }
    }

    private async Task PostAsync(string path, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
        }

        using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new LambdaRuntimeApiException($"POST {path} answered {(int)response.StatusCode}.", (int)response.StatusCode);
        }
    }

    private static ByteArrayContent ErrorContent(LambdaError error)
    {
        var content = new ByteArrayContent(error.ToUtf8Json());
        content.Headers.ContentType = new MediaTypeHeaderValue(ErrorContentType);
        return content;
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static HttpClient CreateHttpClient(string runtimeApi)
    {
        var handler = new SocketsHttpHandler
        {
            // The Runtime API is local; a pooled connection that Lambda froze with the process must not be reused forever.
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            UseProxy = false,
        };
        return new HttpClient(handler)
        {
            BaseAddress = BaseAddressFor(runtimeApi),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}

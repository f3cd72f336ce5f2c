using Amazon.Runtime;

namespace LambdaSuite.Bench;

/// <summary>
/// Gives an AWS SDK client an <see cref="HttpClient"/> that counts every request it really sends (retries
/// included), per DynamoDB operation, so benchmarks report request counts measured on the wire.
/// </summary>
public sealed class CountingHttpClientFactory : HttpClientFactory
{
    private readonly Dictionary<string, int> _byOperation = new(StringComparer.Ordinal);

    public int Total
    {
        get
        {
            lock (_byOperation)
            {
                return _byOperation.Values.Sum();
            }
        }
    }

    public int Count(string operation)
    {
        lock (_byOperation)
        {
            return _byOperation.GetValueOrDefault(operation);
        }
    }

    public void Reset()
    {
        lock (_byOperation)
        {
            _byOperation.Clear();
        }
    }

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(new CountingHandler(this));

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    private void Add(string operation)
    {
        lock (_byOperation)
        {
            _byOperation[operation] = _byOperation.GetValueOrDefault(operation) + 1;
        }
    }

    private sealed class CountingHandler(CountingHttpClientFactory owner) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // DynamoDB's JSON protocol names the operation in X-Amz-Target: "DynamoDB_20120810.PutItem".
            var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.FirstOrDefault() ?? "" : "";
            owner.Add(target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaSuite.Data;

namespace LambdaSuite.Bench;

/// <summary>
/// Counts the requests a DynamoDB client puts on the wire, by operation (the <c>X-Amz-Target</c> header), from
/// inside its HTTP pipeline: the bench reports what the code really sent, retries included, not what its comments say.
/// </summary>
public sealed class DynamoDbRequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>A client configured as <see cref="DynamoDbClientFactory"/> configures it, whose every request this counter sees.</summary>
    public AmazonDynamoDBClient CreateClient(Func<string, string?> environment)
    {
        var config = DynamoDbClientFactory.CreateConfig(environment);
        config.HttpClientFactory = new CountingHttpClientFactory(this);
        var credentials = DynamoDbClientFactory.LocalCredentials(environment);
        return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
    }

    public int Total => _counts.Values.Sum();

    /// <summary>The counts so far, by operation (<c>PutItem</c>, <c>UpdateItem</c>, ...).</summary>
    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_counts, StringComparer.Ordinal);

    /// <summary>The counts added since <paramref name="before"/>, by operation, without the unchanged ones.</summary>
    public IReadOnlyDictionary<string, int> Since(IReadOnlyDictionary<string, int> before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return Snapshot()
            .Select(p => (p.Key, Count: p.Value - before.GetValueOrDefault(p.Key)))
            .Where(p => p.Count != 0)
            .ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal);
    }

    private void Count(HttpRequestMessage request)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.FirstOrDefault() ?? "" : "";
        var operation = target[(target.LastIndexOf('.') + 1)..];
        _counts.AddOrUpdate(operation.Length == 0 ? "(unknown)" : operation, 1, static (_, n) => n + 1);
    }

    private sealed class CountingHttpClientFactory(DynamoDbRequestCounter counter) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
            new(new CountingHandler(counter) { InnerHandler = new SocketsHttpHandler() });

        // The SDK's cache is keyed by configuration; keep this client to this counter.
        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
    }

    private sealed class CountingHandler(DynamoDbRequestCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Count(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace LambdaSuite.Cli.Bench;

/// <summary>
/// Counts the requests a DynamoDB client sends, by operation, from the SDK's own pre-request event: the bench
/// reports what the code really asked for, not what its comments say. The event is raised once per call, so an
/// SDK retry of the same call is not counted twice.
/// </summary>
public sealed class DynamoDbRequestCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public DynamoDbRequestCounter(AmazonDynamoDBClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.BeforeRequestEvent += OnBeforeRequest;
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

    private void OnBeforeRequest(object sender, RequestEventArgs e)
    {
        if (e is WebServiceRequestEventArgs request)
        {
            var name = request.OriginalRequest.GetType().Name;
            name = name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
            _counts.AddOrUpdate(name, 1, static (_, n) => n + 1);
        }
    }
}

using System.Collections.Concurrent;
using LambdaSuite.Data.Fanout;

namespace Fanout.Config;

/// <summary>
/// The mapping table read once per source and kept for a TTL (<c>FANOUT_CONFIG_TTL_SECONDS</c>), per container: a
/// change to the table reaches every container within the TTL, with no redeploy. A failed refresh keeps serving the
/// last rows read (and says so by throwing only when there are none).
/// </summary>
internal sealed class CachedTargetSource(FanoutTargetStore store, TimeSpan ttl, TimeProvider timeProvider) : IFanoutTargetSource
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset ReadAt, IReadOnlyList<FanoutTargetRow> Rows)> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<FanoutTargetRow>> RowsForAsync(string sourceArn, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (_cache.TryGetValue(sourceArn, out var cached) && now - cached.ReadAt < ttl)
        {
            return cached.Rows;
        }

        try
        {
            var rows = await store.QueryBySourceAsync(sourceArn, cancellationToken).ConfigureAwait(false);
            _cache[sourceArn] = (now, rows);
            return rows;
        }
        catch (Exception) when (cached.Rows is not null && !cancellationToken.IsCancellationRequested)
        {
            return cached.Rows;
        }
    }
}

using System.Buffers;
using System.Net.Sockets;
using System.Text;
using Fanout.Delivery;
using LambdaSuite.Runtime;

namespace Fanout.Targets;

/// <summary>
/// Redis with cluster mode enabled (ElastiCache's configuration endpoint, or any node as the seed). The slot map comes
/// from <c>CLUSTER SLOTS</c> at connect; each call groups its SETs by the master of their key's slot and pipelines
/// each group on that node's one connection, all nodes at once. Redirections are followed within the call, at most
/// <see cref="MaxRedirections"/> per entry: <c>MOVED slot host:port</c> updates the map and resends there; <c>ASK
/// slot host:port</c> (a slot being migrated) sends <c>ASKING</c> and the command to that node once, map unchanged.
/// Everything else is the engine's to retry (<see cref="TargetDelivery"/>, the one retry owner): <c>TRYAGAIN</c>,
/// <c>CLUSTERDOWN</c> and a node that cannot be reached fail their entries as retryable, the others are delivered,
/// and the map is read again at the next call.
/// Calls come one at a time (Redis is an ordered target), so the map and connections need no lock.
/// </summary>
internal sealed class RedisCluster(CacheConnection seed, RedisSlotMap map) : IAsyncDisposable
{
    public const int MaxRedirections = 5;

    private readonly List<CacheConnection?> _connections = [];
    private RedisSlotMap _map = map;
    private bool _stale;

    /// <summary>Asks <paramref name="connection"/> for the slot map; null when the server runs without cluster mode.</summary>
    public static async Task<RedisSlotMap?> ReadSlotsAsync(CacheConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var request = new ArrayBufferWriter<byte>();
        RedisCommand.Write(request, "CLUSTER"u8.ToArray(), "SLOTS"u8.ToArray());
        var reply = await connection.ExchangeAsync(request.WrittenMemory, RedisReply.ReadValueAsync, cancellationToken).ConfigureAwait(false);
        // "ERR This instance has cluster support disabled" (or a proxy that knows no CLUSTER): a single server.
        return reply is RedisError ? null : RedisSlotMap.FromClusterSlots(reply, connection.Host);
    }

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, string keyPrefix, int ttlSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (_stale)
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        var keys = new byte[entries.Count][];
        var asked = new int[entries.Count];
        var redirections = new int[entries.Count];
        var pending = new List<int>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            keys[i] = Encoding.UTF8.GetBytes(keyPrefix + entries[i].PartitionKey);
            asked[i] = -1;
            pending.Add(i);
        }

        var failures = new List<EntryFailure>();
        while (pending.Count > 0)
        {
            var groups = new Dictionary<int, List<int>>();
            foreach (var i in pending)
            {
                var node = asked[i] >= 0 ? asked[i] : _map.NodeOf(RedisSlot.Of(keys[i]));
                if (node < 0)
                {
                    failures.Add(new EntryFailure(i, "CLUSTERDOWN", $"No node serves hash slot {RedisSlot.Of(keys[i])}.", Retryable: true));
                    _stale = true;
                    continue;
                }

                if (!groups.TryGetValue(node, out var group))
                {
                    groups[node] = group = [];
                }

                group.Add(i);
            }

            var rounds = groups.Select(g => SendToNodeAsync(g.Key, g.Value, entries, keys, asked, ttlSeconds, cancellationToken)).ToList();
            var replies = await Task.WhenAll(rounds).ConfigureAwait(false);
            pending = [];
            foreach (var (entry, node, reply) in replies.SelectMany(r => r))
            {
                Settle(entry, node, reply, asked, redirections, pending, failures);
            }
        }

        failures.Sort((a, b) => a.Position.CompareTo(b.Position));
        return failures;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            if (connection is not null && !ReferenceEquals(connection, seed))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>One entry's outcome: delivered, redirected (queued again in <paramref name="pending"/>) or failed.</summary>
    private void Settle(int entry, int node, object reply, int[] asked, int[] redirections, List<int> pending, List<EntryFailure> failures)
    {
        asked[entry] = -1;
        switch (reply)
        {
            case Exception error:
                // The node is unreachable (down, failing over): its entries wait for the engine's retry, on a fresh map.
                _stale = true;
                failures.Add(new EntryFailure(entry, error.GetType().Name, ErrorText.Of(error), Retryable: true));
                return;
            case RedisError { Code: "MOVED" or "ASK" } redirect when RedisSlotMap.TryParseRedirect(redirect.Text, out var slot, out var host, out var port):
                if (++redirections[entry] > MaxRedirections)
                {
                    failures.Add(new EntryFailure(entry, redirect.Code, $"More than {MaxRedirections} redirections, the last: {redirect.Text}", Retryable: true));
                    return;
                }

                // An empty host ("MOVED 3999 :6381") means the host of the node that answered.
                var target = _map.IndexOf(host.Length == 0 ? _map.Nodes[node].Host : host, port);
                if (redirect.Code == "MOVED")
                {
                    _map.Move(slot, target);
                }
                else
                {
                    asked[entry] = target;
                }

                pending.Add(entry);
                return;
            case RedisError error:
                // OOM, LOADING, BUSY, MASTERDOWN, TRYAGAIN (a multi-key command during a migration) and CLUSTERDOWN pass;
                // anything else (WRONGTYPE, NOAUTH) will not.
                failures.Add(new EntryFailure(entry, error.Code, error.Text, Retryable: error.Code is "OOM" or "LOADING" or "BUSY" or "TRYAGAIN" or "MASTERDOWN" or "CLUSTERDOWN"));
                return;
        }
    }

    /// <summary>Pipelines the group's SETs (each after <c>ASKING</c> when asked) on the node's connection.</summary>
    private async Task<List<(int Entry, int Node, object Reply)>> SendToNodeAsync(
        int node, List<int> group, IReadOnlyList<OutgoingMessage> entries, byte[][] keys, int[] asked, int ttlSeconds, CancellationToken cancellationToken)
    {
        var request = new ArrayBufferWriter<byte>();
        foreach (var i in group)
        {
            if (asked[i] >= 0)
            {
                RedisCommand.WriteAsking(request);
            }

            RedisCommand.WriteSet(request, keys[i], entries[i].Body.Span, ttlSeconds);
        }

        var results = new List<(int, int, object)>(group.Count);
        try
        {
            await ConnectionTo(node).ExchangeAsync(request.WrittenMemory, async (c, token) =>
            {
                foreach (var i in group)
                {
                    if (asked[i] >= 0)
                    {
                        // ASKING answers +OK; the SET's own answer follows.
                        await RedisReply.ReadLineAsync(c, token).ConfigureAwait(false);
                    }

                    var line = await RedisReply.ReadLineAsync(c, token).ConfigureAwait(false);
                    results.Add((i, node, line.StartsWith('-') ? new RedisError(line[1..]) : "OK"));
                }

                return results;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or SocketException)
        {
            // The replies read before the failure stand; the rest of the group failed with the node.
            results.AddRange(group.Skip(results.Count).Select(i => (i, node, (object)error)));
        }

        return results;
    }

    private CacheConnection ConnectionTo(int node)
    {
        while (_connections.Count <= node)
        {
            _connections.Add(null);
        }

        if (_connections[node] is { } open)
        {
            return open;
        }

        var (host, port) = _map.Nodes[node];
        var connection = port == seed.Port && string.Equals(host, seed.Host, StringComparison.OrdinalIgnoreCase) ? seed : seed.WithEndpoint(host, port);
        _connections[node] = connection;
        return connection;
    }

    /// <summary>Reads the map again from the seed, else from any node that answers; keeps the old one when none does.</summary>
    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<CacheConnection> { seed };
        candidates.AddRange(_connections.OfType<CacheConnection>().Where(c => !ReferenceEquals(c, seed)));
        foreach (var candidate in candidates)
        {
            try
            {
                if (await ReadSlotsAsync(candidate, cancellationToken).ConfigureAwait(false) is { } fresh)
                {
                    await AdoptAsync(fresh).ConfigureAwait(false);
                    _stale = false;
                    return;
                }
            }
            catch (IOException)
            {
                // That node is down too: ask the next one.
            }
        }
    }

    /// <summary>Takes a new map; connections to nodes it still names are kept (node indices are renumbered).</summary>
    private async Task AdoptAsync(RedisSlotMap fresh)
    {
        var kept = new List<CacheConnection?>(fresh.Nodes.Count);
        var reused = new HashSet<CacheConnection>();
        foreach (var (host, port) in fresh.Nodes)
        {
            var old = _connections.FirstOrDefault(c => c is not null && c.Port == port && string.Equals(c.Host, host, StringComparison.OrdinalIgnoreCase));
            kept.Add(old);
            if (old is not null)
            {
                reused.Add(old);
            }
        }

        foreach (var connection in _connections)
        {
            if (connection is not null && !reused.Contains(connection) && !ReferenceEquals(connection, seed))
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        _connections.Clear();
        _connections.AddRange(kept);
        _map = fresh;
    }
}

using System.Buffers;
using System.Net.Security;
using System.Text;
using Fanout.Delivery;
using LambdaSuite.Data.Fanout;

namespace Fanout.Targets;

/// <summary>
/// Redis over RESP: one pipelined <c>SET key value [EX ttl]</c> per entry, keyed by prefix + partition key (a record's
/// latest value wins, in order). AUTH on connect when the mapping has <c>auth</c>; TLS with <c>rediss://</c> or <c>tls</c>.
/// An error reply fails that entry only; an I/O error fails the call and reopens the connection.
/// <para>
/// Cluster mode is found, not configured: the first call asks the destination <c>CLUSTER SLOTS</c>; a server without
/// cluster support refuses it ("ERR This instance has cluster support disabled") and is used as one server from then
/// on, exactly as before; otherwise <see cref="RedisCluster"/> routes each SET to its slot's master and follows
/// <c>MOVED</c>/<c>ASK</c>.
/// </para>
/// <para>
/// Why not StackExchange.Redis 3.4.35 (it restores and AOT-publishes with 0 warnings): both were measured in the
/// packaged bootstrap, first record mapped to the stack's three-master cluster (AMD EPYC, 2 cores, load average
/// 37–57; README, "Redis cluster mode"). Package against in-house: bootstrap 16.18 against 14.20 MiB, zip 7.62 against
/// 6.68 MiB, peak RSS 23.1 against 20.0–20.1 MiB, 6 connections and ~52 commands per cold start against 2 and 2; the
/// first response (medians 63.9–84.1 against 54.8–95.9 ms) is within this machine's noise. The package follows
/// redirections and reconnects by itself and holds commands in a backlog while a node reconnects, a second retry
/// layer blind to the invocation's deadline; the engine is the one retry owner here. The cost is ~580 lines of code.
/// </para>
/// </summary>
internal sealed class RedisSender(CacheConnection connection, FanoutTarget target) : ITargetSender, IAsyncDisposable
{
    private bool _detected;
    private RedisCluster? _cluster;

    public bool IsOrdered => true;

    /// <param name="certificateValidation">Replaces the system trust check of a TLS server certificate (tests, private CAs); null keeps it.</param>
    public static CacheConnection Connect(FanoutTarget target, RemoteCertificateValidationCallback? certificateValidation = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!FanoutDestinations.TryHostPort(target.Destination, 6379, out var host, out var port))
        {
            throw new ArgumentException($"Bad Redis destination '{target.Destination}'.", nameof(target));
        }

        var tls = target.Tls || target.Destination.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase);
        return new CacheConnection(host, port, tls, target.Auth is null ? null : (c, token) => AuthenticateAsync(c, target.Auth, token), certificateValidation);
    }

    /// <summary>Whether the destination turned out to run in cluster mode (known after the first call).</summary>
    public bool IsCluster => _cluster is not null;

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (!_detected)
        {
            var map = await RedisCluster.ReadSlotsAsync(connection, cancellationToken).ConfigureAwait(false);
            _cluster = map is null ? null : new RedisCluster(connection, map);
            _detected = true;
        }

        if (_cluster is not null)
        {
            return await _cluster.SendAsync(entries, target.KeyPrefix ?? "", target.Ttl, cancellationToken).ConfigureAwait(false);
        }

        var request = new ArrayBufferWriter<byte>();
        foreach (var entry in entries)
        {
            RedisCommand.WriteSet(request, Encoding.UTF8.GetBytes((target.KeyPrefix ?? "") + entry.PartitionKey), entry.Body.Span, target.Ttl);
        }

        return await connection.ExchangeAsync(request.WrittenMemory, async (c, token) =>
        {
            var failures = new List<EntryFailure>();
            for (var i = 0; i < entries.Count; i++)
            {
                var reply = await RedisReply.ReadLineAsync(c, token).ConfigureAwait(false);
                if (reply.StartsWith('-'))
                {
                    var code = reply[1..].Split(' ', 2)[0];
                    // OOM, LOADING, BUSY, TRYAGAIN and MASTERDOWN pass; anything else (WRONGTYPE, NOAUTH) will not.
                    failures.Add(new EntryFailure(i, code, reply[1..], Retryable: code is "OOM" or "LOADING" or "BUSY" or "TRYAGAIN" or "MASTERDOWN"));
                }
            }

            return (IReadOnlyList<EntryFailure>)failures;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync().ConfigureAwait(false);
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task AuthenticateAsync(CacheConnection connection, string auth, CancellationToken cancellationToken)
    {
        var colon = auth.IndexOf(':', StringComparison.Ordinal);
        var request = new ArrayBufferWriter<byte>();
        if (colon > 0)
        {
            RedisCommand.Write(request, "AUTH"u8.ToArray(), Encoding.UTF8.GetBytes(auth[..colon]), Encoding.UTF8.GetBytes(auth[(colon + 1)..]));
        }
        else
        {
            RedisCommand.Write(request, "AUTH"u8.ToArray(), Encoding.UTF8.GetBytes(auth));
        }

        await connection.WriteAsync(request.WrittenMemory, cancellationToken).ConfigureAwait(false);
        var reply = await RedisReply.ReadLineAsync(connection, cancellationToken).ConfigureAwait(false);
        if (reply.StartsWith('-'))
        {
            throw new InvalidDataException("Redis AUTH failed: " + reply[1..]);
        }
    }
}

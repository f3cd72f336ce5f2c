using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fanout.Delivery;
using LambdaSuite.Data.Fanout;

namespace Fanout.Targets;

/// <summary>
/// Memcached text protocol: one pipelined <c>set &lt;key&gt; 0 &lt;exptime&gt; &lt;bytes&gt;</c> per entry, keyed by prefix +
/// partition key. Keys longer than 250 bytes or holding whitespace/control characters are replaced by their SHA-256
/// (hex), which stays deterministic. <c>SERVER_ERROR</c> is retried; <c>CLIENT_ERROR</c> is not.
/// </summary>
internal sealed class MemcachedSender(CacheConnection connection, FanoutTarget target, TimeProvider timeProvider) : ITargetSender
{
    public const int MaxKeyLength = 250;

    /// <summary>Expiry times above 30 days are read by memcached as a Unix time, not as seconds from now.</summary>
    public const int MaxRelativeExpiry = 60 * 60 * 24 * 30;

    public bool IsOrdered => true;

    public static CacheConnection Connect(FanoutTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return FanoutDestinations.TryHostPort(target.Destination, 11211, out var host, out var port)
            ? new CacheConnection(host, port, tls: false)
            : throw new ArgumentException($"Bad memcached destination '{target.Destination}'.", nameof(target));
    }

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var expiry = target.Ttl <= 0 ? 0 : target.Ttl <= MaxRelativeExpiry ? target.Ttl : timeProvider.GetUtcNow().ToUnixTimeSeconds() + target.Ttl;
        var request = new ArrayBufferWriter<byte>();
        foreach (var entry in entries)
        {
            var header = $"set {KeyOf((target.KeyPrefix ?? "") + entry.PartitionKey)} 0 {expiry.ToString(CultureInfo.InvariantCulture)} {entry.Body.Length.ToString(CultureInfo.InvariantCulture)}\r\n";
            request.Write(Encoding.ASCII.GetBytes(header));
            request.Write(entry.Body.Span);
            request.Write("\r\n"u8);
        }

        return await connection.ExchangeAsync(request.WrittenMemory, async (c, token) =>
        {
            var failures = new List<EntryFailure>();
            for (var i = 0; i < entries.Count; i++)
            {
                var reply = await c.ReadLineAsync(token).ConfigureAwait(false);
                if (reply == "STORED")
                {
                    continue;
                }

                // "ERROR" alone means the server did not understand the command: the stream is out of step.
                if (reply == "ERROR")
                {
                    throw new InvalidDataException("memcached answered ERROR to a set command.");
                }

                var code = reply.Split(' ', 2)[0];
                failures.Add(new EntryFailure(i, code, reply, Retryable: code == "SERVER_ERROR" && !reply.Contains("too large", StringComparison.Ordinal)));
            }

            return (IReadOnlyList<EntryFailure>)failures;
        }, cancellationToken).ConfigureAwait(false);
    }

    public static string KeyOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bytes = Encoding.UTF8.GetByteCount(key);
        return bytes is > 0 and <= MaxKeyLength && key.All(c => c > ' ' && c != '\u007f')
            ? key
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }
}

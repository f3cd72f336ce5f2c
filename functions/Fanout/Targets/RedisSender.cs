using System.Buffers;
using System.Globalization;
using System.Net.Security;
using System.Text;
using Fanout.Delivery;
using LambdaSuite.Data.Fanout;

namespace Fanout.Targets;

/// <summary>
/// Redis over RESP: one pipelined <c>SET key value [EX ttl]</c> per entry, keyed by prefix + partition key (a record's
/// latest value wins, in order). AUTH on connect when the mapping has <c>auth</c>; TLS with <c>rediss://</c> or <c>tls</c>.
/// An error reply fails that entry only; an I/O error fails the call and reopens the connection.
/// </summary>
internal sealed class RedisSender(CacheConnection connection, FanoutTarget target) : ITargetSender
{
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

    public async Task<IReadOnlyList<EntryFailure>> SendAsync(IReadOnlyList<OutgoingMessage> entries, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var request = new ArrayBufferWriter<byte>();
        foreach (var entry in entries)
        {
            var key = Encoding.UTF8.GetBytes((target.KeyPrefix ?? "") + entry.PartitionKey);
            WriteHeader(request, (byte)'*', target.Ttl > 0 ? 5 : 3);
            WriteBulk(request, "SET"u8);
            WriteBulk(request, key);
            WriteBulk(request, entry.Body.Span);
            if (target.Ttl > 0)
            {
                WriteBulk(request, "EX"u8);
                WriteBulk(request, Encoding.ASCII.GetBytes(target.Ttl.ToString(CultureInfo.InvariantCulture)));
            }
        }

        return await connection.ExchangeAsync(request.WrittenMemory, async (c, token) =>
        {
            var failures = new List<EntryFailure>();
            for (var i = 0; i < entries.Count; i++)
            {
                var reply = await ReadReplyAsync(c, token).ConfigureAwait(false);
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

    private static async Task AuthenticateAsync(CacheConnection connection, string auth, CancellationToken cancellationToken)
    {
        var colon = auth.IndexOf(':', StringComparison.Ordinal);
        var request = new ArrayBufferWriter<byte>();
        if (colon > 0)
        {
            WriteCommand(request, "AUTH"u8.ToArray(), Encoding.UTF8.GetBytes(auth[..colon]), Encoding.UTF8.GetBytes(auth[(colon + 1)..]));
        }
        else
        {
            WriteCommand(request, "AUTH"u8.ToArray(), Encoding.UTF8.GetBytes(auth));
        }

        await connection.WriteAsync(request.WrittenMemory, cancellationToken).ConfigureAwait(false);
        var reply = await ReadReplyAsync(connection, cancellationToken).ConfigureAwait(false);
        if (reply.StartsWith('-'))
        {
            throw new InvalidDataException("Redis AUTH failed: " + reply[1..]);
        }
    }

    /// <summary>Reads one reply: simple string, error or integer as its line; a bulk string is skipped.</summary>
    private static async Task<string> ReadReplyAsync(CacheConnection connection, CancellationToken cancellationToken)
    {
        var line = await connection.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line.StartsWith('$') && int.TryParse(line.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var length) && length >= 0)
        {
            await connection.SkipAsync(length, cancellationToken).ConfigureAwait(false);
        }

        return line.Length == 0 || line[0] is not ('+' or '-' or ':' or '$') ? throw new InvalidDataException($"Unexpected Redis reply '{line}'.") : line;
    }

    /// <summary>A RESP array of bulk strings: <c>*N\r\n</c> then <c>$len\r\nbytes\r\n</c> per argument.</summary>
    public static void WriteCommand(ArrayBufferWriter<byte> output, params ReadOnlySpan<byte[]> arguments)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteHeader(output, (byte)'*', arguments.Length);
        foreach (var argument in arguments)
        {
            WriteBulk(output, argument);
        }
    }

    private static void WriteBulk(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> value)
    {
        WriteHeader(output, (byte)'$', value.Length);
        output.Write(value);
        output.Write("\r\n"u8);
    }

    private static void WriteHeader(ArrayBufferWriter<byte> output, byte kind, int number)
    {
        var span = output.GetSpan(16);
        span[0] = kind;
        number.TryFormat(span[1..], out var written, provider: CultureInfo.InvariantCulture);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        output.Advance(3 + written);
    }
}

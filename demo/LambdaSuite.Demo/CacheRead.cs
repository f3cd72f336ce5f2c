using System.Net.Sockets;
using System.Text;

namespace LambdaSuite.Demo;

/// <summary>One GET against Redis (RESP) or memcached (text protocol), to show what a scene left there.</summary>
public static class CacheRead
{
    public static async Task<string?> RedisGetAsync(string hostPort, string key, CancellationToken ct)
    {
        var reply = await ExchangeAsync(StripScheme(hostPort), $"*2\r\n$3\r\nGET\r\n${Encoding.UTF8.GetByteCount(key)}\r\n{key}\r\n", text => text.StartsWith("$-1\r\n", StringComparison.Ordinal) || (text.StartsWith('$') && text.Count(c => c == '\n') >= 2), ct).ConfigureAwait(false);
        return reply.StartsWith("$-1", StringComparison.Ordinal) ? null : reply.Split("\r\n")[1];
    }

    public static async Task<string?> MemcachedGetAsync(string hostPort, string key, CancellationToken ct)
    {
        var reply = await ExchangeAsync(hostPort, $"get {key}\r\n", text => text.EndsWith("END\r\n", StringComparison.Ordinal), ct).ConfigureAwait(false);
        return reply.StartsWith("VALUE ", StringComparison.Ordinal) ? reply.Split("\r\n")[1] : null;
    }

    private static string StripScheme(string hostPort) => hostPort.Contains("://", StringComparison.Ordinal) ? hostPort[(hostPort.IndexOf("://", StringComparison.Ordinal) + 3)..] : hostPort;

    private static async Task<string> ExchangeAsync(string hostPort, string command, Func<string, bool> complete, CancellationToken ct)
    {
        var colon = hostPort.LastIndexOf(':');
        using var client = new TcpClient();
        await client.ConnectAsync(hostPort[..colon], int.Parse(hostPort[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(command), ct).ConfigureAwait(false);
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!complete(text.ToString()))
        {
            var read = await stream.ReadAsync(buffer, ct).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace DnsMirror.Tests.Support;

/// <summary>
/// A DNS-over-TCP server on 127.0.0.1 with a free port that answers each request with scripted messages
/// (length-prefixed), then closes the connection, or keeps it open silently when the script says so.
/// </summary>
internal sealed class LoopbackDnsServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackDnsServer(Func<byte[], IReadOnlyList<byte[]>?> script)
    {
        _listener.Start();
        _loop = Task.Run(() => ServeAsync(script));
    }

    public string Address => "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<byte[]> Requests { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        // The loop ends by cancellation or by the stopped listener; either way it is over.
        await Task.WhenAny(_loop);

        _stop.Dispose();
    }

    private async Task ServeAsync(Func<byte[], IReadOnlyList<byte[]>?> script)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            var prefix = new byte[2];
            await stream.ReadExactlyAsync(prefix, _stop.Token);
            var request = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await stream.ReadExactlyAsync(request, _stop.Token);
            Requests.Add(request);
            var responses = script(request);
            if (responses is null)
            {
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }

            foreach (var response in responses!)
            {
                var framed = new byte[response.Length + 2];
                BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)response.Length);
                response.CopyTo(framed, 2);
                await stream.WriteAsync(framed, _stop.Token);
            }
        }
    }
}

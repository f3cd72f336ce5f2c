using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace DnsMirror.Tests.Support;

/// <summary>
/// A hostile master on 127.0.0.1: answers an SOA query with <c>soaSerial</c>, and an AXFR with its opening SOA
/// followed by messages from <c>nextMessage</c> for as long as the client reads, never the closing SOA. Each
/// connection is served on its own task until the client hangs up or the server is disposed.
/// </summary>
internal sealed class EndlessDnsServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _messagesSent;

    /// <param name="nextMessage">Builds message n (1-based, after the opening one) for the request's ID.</param>
    public EndlessDnsServer(string zone, uint soaSerial, Func<ushort, long, byte[]> nextMessage)
    {
        _listener.Start();
        _loop = Task.Run(() => AcceptAsync(zone, soaSerial, nextMessage));
    }

    public string Address => "127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port;

    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAny(_loop);
        _stop.Dispose();
    }

    private async Task AcceptAsync(string zone, uint soaSerial, Func<ushort, long, byte[]> nextMessage)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client, zone, soaSerial, nextMessage));
        }
    }

    private async Task ServeAsync(TcpClient client, string zone, uint soaSerial, Func<ushort, long, byte[]> nextMessage)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var prefix = new byte[2];
                await stream.ReadExactlyAsync(prefix, _stop.Token);
                var request = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
                await stream.ReadExactlyAsync(request, _stop.Token);
                var id = BinaryPrimitives.ReadUInt16BigEndian(request);
                var type = DnsMirror.Wire.DnsMessageParser.Parse(request).Questions[0].Type;
                await SendAsync(stream, TestMessages.Response(id, zone, type, [Rr.Soa(zone, soaSerial)]));
                if (type != DnsMirror.Wire.DnsRecordType.AXFR)
                {
                    return;
                }

                for (long n = 1; !_stop.IsCancellationRequested; n++)
                {
                    await SendAsync(stream, nextMessage(id, n));
                    Interlocked.Increment(ref _messagesSent);
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client hung up (what a capped transfer does) or the server is stopping: this connection is over.
            }
        }
    }

    private async Task SendAsync(NetworkStream stream, byte[] message)
    {
        var framed = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed, 2);
        await stream.WriteAsync(framed, _stop.Token);
    }
}

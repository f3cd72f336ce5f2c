using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;

namespace DnsMirror.Transfer;

/// <summary>
/// DNS over TCP (RFC 1035 §4.2.2, RFC 7766 §8): every message is preceded by a two-octet length. One pooled
/// 64 KiB buffer per connection holds the current message; it is only valid until the next receive.
/// </summary>
internal sealed class DnsTcpChannel : IAsyncDisposable
{
    private const int MaxMessage = ushort.MaxValue;

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer;

    private DnsTcpChannel(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _buffer = ArrayPool<byte>.Shared.Rent(MaxMessage + 2);
    }

    public long BytesReceived { get; private set; }

    public static async Task<DnsTcpChannel> ConnectAsync(DnsMaster master, CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true, ReceiveBufferSize = 256 * 1024 };
        try
        {
            await client.ConnectAsync(master.Host, master.Port, cancellationToken).ConfigureAwait(false);
            return new DnsTcpChannel(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (message.Length > MaxMessage)
        {
            throw new ArgumentException("message longer than 65535 octets", nameof(message));
        }

        var framed = new byte[message.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)message.Length);
        message.CopyTo(framed.AsMemory(2));
        await _stream.WriteAsync(framed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next message, or null when the server closed the connection between messages.</summary>
    public async Task<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var prefix = _buffer.AsMemory(0, 2);
        var first = await _stream.ReadAsync(prefix[..1], cancellationToken).ConfigureAwait(false);
        if (first == 0)
        {
            return null;
        }

        await ReadExactlyAsync(prefix[1..], cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadUInt16BigEndian(prefix.Span);
        var body = _buffer.AsMemory(2, length);
        await ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        BytesReceived += length + 2;
        return body;
    }

    public ValueTask DisposeAsync()
    {
        _stream.Dispose();
        _client.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
        return ValueTask.CompletedTask;
    }

    private async Task ReadExactlyAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.ReadExactlyAsync(destination, cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException exception)
        {
            throw new ZoneTransferException("connection closed in the middle of a message", exception);
        }
    }
}

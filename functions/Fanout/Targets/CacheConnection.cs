using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using LambdaSuite.Runtime;

namespace Fanout.Targets;

/// <summary>
/// One TCP connection (TLS when asked) to a cache server, opened on first use and reopened after an I/O error.
/// One pipelined exchange at a time; replies are read as CRLF-terminated lines. TLS checks the server's certificate
/// and name against the system's trust store (Amazon's CAs for ElastiCache; a private CA through SSL_CERT_FILE or
/// SSL_CERT_DIR, which .NET on Linux honours) unless <paramref name="certificateValidation"/> replaces that check.
/// </summary>
internal sealed class CacheConnection(
    string host,
    int port,
    bool tls,
    Func<CacheConnection, CancellationToken, Task>? onConnect = null,
    RemoteCertificateValidationCallback? certificateValidation = null) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _buffer = new byte[16 * 1024];
    private TcpClient? _client;
    private Stream? _stream;
    private int _start;
    private int _end;

    public string Host => host;

    public int Port => port;

    /// <summary>Writes <paramref name="request"/> and reads the replies with <paramref name="readReplies"/>, under one lock.</summary>
    public async Task<T> ExchangeAsync<T>(ReadOnlyMemory<byte> request, Func<CacheConnection, CancellationToken, Task<T>> readReplies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readReplies);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stream = await EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
            await stream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            return await readReplies(this, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException or InvalidDataException)
        {
            // The stream may be mid-reply: never reuse it.
            Close();
            throw new IOException($"{host}:{port}: {ErrorText.Of(error)}", error);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes on the open stream (used by the connect hook for AUTH).</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new IOException("Not connected.");
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One reply line without its CRLF.</summary>
    public async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                var line = Encoding.UTF8.GetString(_buffer, _start, length > 0 && _buffer[newline - 1] == '\r' ? length - 1 : length);
                _start = newline + 1;
                return line;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new InvalidDataException("Reply line longer than 16 KiB.");
            }

            var read = await (_stream ?? throw new IOException("Not connected.")).ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("Server closed the connection.");
            }

            _end += read;
        }
    }

    /// <summary>
    /// A connection to another server of the same deployment (a Redis cluster's node): same TLS, connect hook and
    /// certificate check.
    /// </summary>
    public CacheConnection WithEndpoint(string otherHost, int otherPort) => new(otherHost, otherPort, tls, onConnect, certificateValidation);

    /// <summary>Reads a bulk reply's <paramref name="count"/> bytes as UTF-8, and its CRLF.</summary>
    public async Task<string> ReadStringAsync(int count, CancellationToken cancellationToken)
    {
        // Only short values are read whole (node addresses and ids); a value is never read back.
        if (count > _buffer.Length)
        {
            throw new InvalidDataException($"Bulk reply of {count} bytes is longer than the {_buffer.Length}-byte limit for read values.");
        }

        var bytes = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_end == _start)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }

            var take = Math.Min(count - filled, _end - _start);
            Buffer.BlockCopy(_buffer, _start, bytes, filled, take);
            _start += take;
            filled += take;
        }

        await SkipAsync(0, cancellationToken).ConfigureAwait(false);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Skips <paramref name="count"/> bytes of a bulk reply and its CRLF.</summary>
    public async Task SkipAsync(int count, CancellationToken cancellationToken)
    {
        var remaining = count + 2;
        while (remaining > 0)
        {
            if (_end > _start)
            {
                var take = Math.Min(remaining, _end - _start);
                _start += take;
                remaining -= take;
                continue;
            }

            _start = _end = 0;
            var read = await (_stream ?? throw new IOException("Not connected.")).ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("Server closed the connection.");
            }

            _end = read;
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        _start = _end = 0;
        var read = await (_stream ?? throw new IOException("Not connected.")).ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new IOException("Server closed the connection.");
        }

        _end = read;
    }

    public ValueTask DisposeAsync()
    {
        Close();
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<Stream> EnsureOpenAsync(CancellationToken cancellationToken)
    {
        if (_stream is not null)
        {
            return _stream;
        }

        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            Stream stream = client.GetStream();
            if (tls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host, RemoteCertificateValidationCallback = certificateValidation }, cancellationToken).ConfigureAwait(false);
                stream = ssl;
            }

            _client = client;
            _stream = stream;
            _start = _end = 0;
            if (onConnect is not null)
            {
                await onConnect(this, cancellationToken).ConfigureAwait(false);
            }

            return stream;
        }
        catch
        {
            Close();
            client.Dispose();
            throw;
        }
    }

    private void Close()
    {
        _stream?.Dispose();
        _client?.Dispose();
        _stream = null;
        _client = null;
        _start = _end = 0;
    }
}

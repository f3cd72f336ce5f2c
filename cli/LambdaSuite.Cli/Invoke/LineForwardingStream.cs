using System.Text;

namespace LambdaSuite.Cli.Invoke;

/// <summary>A write-only stream that hands whole UTF-8 lines to a <see cref="TextWriter"/> (in-process logs → stderr).</summary>
internal sealed class LineForwardingStream(TextWriter target) : Stream
{
    private readonly MemoryStream _pending = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        foreach (var b in buffer)
        {
            if (b == (byte)'\n')
            {
                target.WriteLine(Encoding.UTF8.GetString(_pending.GetBuffer(), 0, (int)_pending.Length));
                _pending.SetLength(0);
            }
            else
            {
                _pending.WriteByte(b);
            }
        }
    }

    public override void Flush() => target.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (_pending.Length > 0)
            {
                target.WriteLine(Encoding.UTF8.GetString(_pending.GetBuffer(), 0, (int)_pending.Length));
            }

            _pending.Dispose();
        }

        base.Dispose(disposing);
    }
}

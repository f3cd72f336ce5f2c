using System.Buffers;
using System.IO.Compression;

namespace DnsMirror.State;

/// <summary>
/// A buffer writer that Brotli-compresses what is written through a pooled 64 KiB stage, at quality 1 and a 4 MiB
/// window (the state is rewritten on every run that changed something, so speed beats the last few percent). It
/// holds the stage, never the whole uncompressed form; the compressed stream goes into the output it is given.
/// </summary>
internal sealed class CompressingWriter : IBufferWriter<byte>, IDisposable
{
    private const int StageLength = 64 * 1024;
    private readonly IBufferWriter<byte> _output;
    private BrotliEncoder _encoder = new(quality: 1, window: 22);
    private byte[] _stage = ArrayPool<byte>.Shared.Rent(StageLength);
    private int _staged;
    private bool _completed;

    public CompressingWriter(IBufferWriter<byte> output) => _output = output ?? throw new ArgumentNullException(nameof(output));

    /// <summary>Bytes written so far, uncompressed.</summary>
    public long RawLength { get; private set; }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _stage.Length - _staged);
        _staged += count;
        RawLength += count;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_staged);

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_staged);

    /// <summary>Compresses what is staged as the final block, ending the compressed stream in the output.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_stage.Length == 0, this);
        if (!_completed)
        {
            Compress(isFinalBlock: true);
            _completed = true;
        }
    }

    public void Dispose()
    {
        _encoder.Dispose();
        if (_stage.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_stage);
            _stage = [];
        }
    }

    private byte[] Reserve(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_stage.Length == 0 || _completed, this);
        sizeHint = Math.Max(sizeHint, 1);
        if (_stage.Length - _staged < sizeHint)
        {
            Compress(isFinalBlock: false);
            if (_stage.Length < sizeHint)
            {
                ArrayPool<byte>.Shared.Return(_stage);
                _stage = ArrayPool<byte>.Shared.Rent(sizeHint);
            }
        }

        return _stage;
    }

    private void Compress(bool isFinalBlock)
    {
        ReadOnlySpan<byte> source = _stage.AsSpan(0, _staged);
        OperationStatus status;
        do
        {
            // Whatever room the output has left: a chunked output is filled to the end of each chunk.
            status = _encoder.Compress(source, _output.GetSpan(), out var consumed, out var written, isFinalBlock);
            _output.Advance(written);
            source = source[consumed..];
        }
        while (status == OperationStatus.DestinationTooSmall);

        if (status != OperationStatus.Done || !source.IsEmpty)
        {
            throw new InvalidOperationException($"Brotli could not compress the zone state ({status})");
        }

        _staged = 0;
    }
}

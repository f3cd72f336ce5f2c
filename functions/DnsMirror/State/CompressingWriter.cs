using System.Buffers;
using System.IO.Compression;

namespace DnsMirror.State;

/// <summary>
/// A buffer writer that Brotli-compresses what is written through a pooled 64 KiB stage, at quality 1 and a 4 MiB
/// window (the state is rewritten on every run that changed something, so speed beats the last few percent). It
/// holds the compressed output and the stage, never the whole uncompressed form.
/// </summary>
internal sealed class CompressingWriter : IBufferWriter<byte>, IDisposable
{
    private const int StageLength = 64 * 1024;
    private readonly ArrayBufferWriter<byte> _output;
    private BrotliEncoder _encoder = new(quality: 1, window: 22);
    private byte[] _stage = ArrayPool<byte>.Shared.Rent(StageLength);
    private int _staged;
    private bool _completed;

    public CompressingWriter(int outputCapacity) => _output = new ArrayBufferWriter<byte>(outputCapacity);

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

    /// <summary>Compresses what is staged as the final block and returns the whole compressed stream.</summary>
    public ReadOnlySpan<byte> Complete()
    {
        ObjectDisposedException.ThrowIf(_stage.Length == 0, this);
        if (!_completed)
        {
            Compress(isFinalBlock: true);
            _completed = true;
        }

        return _output.WrittenSpan;
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
            status = _encoder.Compress(source, _output.GetSpan(StageLength), out var consumed, out var written, isFinalBlock);
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

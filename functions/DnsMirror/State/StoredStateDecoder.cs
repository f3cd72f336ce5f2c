using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace DnsMirror.State;

/// <summary>
/// Decompresses a stored form (<see cref="MirroredZoneCodec"/>'s layout) fed in pieces of any length, as the chunk
/// items arrive: the header names the uncompressed length, which is allocated once, and every piece is decompressed
/// straight into it, so the compressed chunks are never held together or joined. Every misfit is a
/// <see cref="FormatException"/>: no format mark, a length past the cap, bytes past the compressed stream's end,
/// output past the announced length, a stream that ends short.
/// </summary>
internal sealed class StoredStateDecoder : IDisposable
{
    private readonly byte[] _header = new byte[MirroredZoneCodec.HeaderLength];
    private int _headerFilled;
    private byte[]? _raw;
    private int _written;
    private BrotliDecoder _decoder;
    private OperationStatus _status = OperationStatus.NeedMoreData;

    public void Append(ReadOnlySpan<byte> piece)
    {
        if (_headerFilled < _header.Length)
        {
            var take = Math.Min(_header.Length - _headerFilled, piece.Length);
            piece[..take].CopyTo(_header.AsSpan(_headerFilled));
            _headerFilled += take;
            piece = piece[take..];
            if (_headerFilled < _header.Length)
            {
                return;
            }

            _raw = new byte[MirroredZoneCodec.RawLength(_header)];
        }

        if (piece.IsEmpty)
        {
            return;
        }

        if (_status == OperationStatus.Done)
        {
            throw new FormatException("stored zone state has bytes after its compressed stream");
        }

        OperationStatus status;
        int consumed, written;
        do
        {
            // Output that ends exactly at the announced length may still leave the stream's last bits to read.
            status = _decoder.Decompress(piece, _raw!.AsSpan(_written), out consumed, out written);
            _written += written;
            piece = piece[consumed..];
        }
        while (status == OperationStatus.DestinationTooSmall && (consumed > 0 || written > 0));

        _status = status;
        switch (status)
        {
            case OperationStatus.InvalidData:
                throw new FormatException("stored zone state is not a valid Brotli stream");
            case OperationStatus.DestinationTooSmall:
                throw new FormatException($"stored zone state decompresses past its announced {_raw!.Length} bytes");
            case OperationStatus.Done when !piece.IsEmpty:
                throw new FormatException("stored zone state has bytes after its compressed stream");
        }
    }

    /// <summary>The whole uncompressed body, once the compressed stream has ended exactly at its announced length.</summary>
    public byte[] Finish()
    {
        if (_raw is null || _status != OperationStatus.Done || _written != _raw.Length)
        {
            throw new FormatException("stored zone state does not decompress to its announced length");
        }

        return _raw;
    }

    public void Dispose() => _decoder.Dispose();
}

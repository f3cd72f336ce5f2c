using System.Buffers;
using System.Security.Cryptography;

namespace DnsMirror.State;

/// <summary>
/// A buffer writer that keeps what is written as a list of arrays no longer than one stored chunk item, so the
/// stored form is never joined into one array, copied again to be cut into items, or grown by doubling past an item:
/// each array goes to DynamoDB as it is. The first array grows (doubling, up to an item) so a small zone costs a
/// small array; the others are allocated at an item's length.
/// </summary>
internal sealed class ChunkedBuffer : IBufferWriter<byte>
{
    private readonly int _chunkLength;
    private readonly List<byte[]> _chunks = [];
    private readonly List<int> _lengths = [];

    public ChunkedBuffer(int chunkLength, int firstCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkLength, 16);
        _chunkLength = chunkLength;
        _chunks.Add(new byte[Math.Clamp(firstCapacity, 16, chunkLength)]);
        _lengths.Add(0);
    }

    /// <summary>Bytes written over every chunk.</summary>
    public int Length { get; private set; }

    /// <summary>The written part of each chunk, in order.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Chunks => _chunks.Select((chunk, i) => new ReadOnlyMemory<byte>(chunk, 0, _lengths[i])).ToList();

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _chunks[^1].Length - _lengths[^1]);
        _lengths[^1] += count;
        Length += count;
    }

    public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_lengths[^1]);

    public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_lengths[^1]);

    /// <summary>The first <paramref name="length"/> bytes written, to fill in a header whose values are known last.</summary>
    public Span<byte> Prefix(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _lengths[0]);
        return _chunks[0].AsSpan(0, length);
    }

    /// <summary>SHA-256 over every chunk in order, in lower-case hex: the digest the zone row records.</summary>
    public string Digest()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var i = 0; i < _chunks.Count; i++)
        {
            hash.AppendData(_chunks[i], 0, _lengths[i]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Every chunk joined into one array.</summary>
    public byte[] ToArray()
    {
        var joined = new byte[Length];
        var offset = 0;
        for (var i = 0; i < _chunks.Count; i++)
        {
            _chunks[i].AsSpan(0, _lengths[i]).CopyTo(joined.AsSpan(offset));
            offset += _lengths[i];
        }

        return joined;
    }

    private byte[] Reserve(int sizeHint)
    {
        sizeHint = Math.Max(sizeHint, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sizeHint, _chunkLength);
        var last = _chunks[^1];
        if (last.Length - _lengths[^1] >= sizeHint)
        {
            return last;
        }

        if (_chunks.Count == 1 && last.Length < _chunkLength)
        {
            // The first chunk grows until it is an item's length: a zone that fits one item stays one item.
            var grown = new byte[Math.Min(_chunkLength, Math.Max(last.Length * 2, _lengths[0] + sizeHint))];
            last.AsSpan(0, _lengths[0]).CopyTo(grown);
            _chunks[0] = grown;
            if (grown.Length - _lengths[0] >= sizeHint)
            {
                return grown;
            }
        }

        _chunks.Add(new byte[_chunkLength]);
        _lengths.Add(0);
        return _chunks[^1];
    }
}

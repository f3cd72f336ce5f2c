namespace Fanout.Kpl;

/// <summary>
/// The protobuf wire format, only as far as KPL aggregates need it: varints, length-delimited fields and skipping
/// (protobuf encoding guide, "Message Structure"). Bounds are checked before every read; a truncated or
/// over-long value makes a Try method return false rather than read past the end.
/// </summary>
internal ref struct ProtobufReader(ReadOnlySpan<byte> buffer)
{
    public const int WireVarint = 0;
    public const int WireFixed64 = 1;
    public const int WireLengthDelimited = 2;
    public const int WireFixed32 = 5;

    private readonly ReadOnlySpan<byte> _buffer = buffer;

    public int Position { get; private set; }

    public readonly bool AtEnd => Position >= _buffer.Length;

    public bool TryReadTag(out int fieldNumber, out int wireType)
    {
        fieldNumber = 0;
        wireType = 0;
        if (!TryReadVarint(out var key) || key >> 3 is 0 or > int.MaxValue)
        {
            return false;
        }

        fieldNumber = (int)(key >> 3);
        wireType = (int)(key & 7);
        return true;
    }

    public bool TryReadVarint(out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (Position >= _buffer.Length)
            {
                return false;
            }

            var b = _buffer[Position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a length-delimited field's bytes; false when the length runs past the buffer.</summary>
    public bool TryReadLengthDelimited(out ReadOnlySpan<byte> value, out int offset)
    {
        value = default;
        offset = 0;
        if (!TryReadVarint(out var length) || length > (ulong)(_buffer.Length - Position))
        {
            return false;
        }

        offset = Position;
        value = _buffer.Slice(Position, (int)length);
        Position += (int)length;
        return true;
    }

    public bool TrySkip(int wireType)
    {
        switch (wireType)
        {
            case WireVarint:
                return TryReadVarint(out _);
            case WireFixed64:
                return TryAdvance(8);
            case WireLengthDelimited:
                return TryReadLengthDelimited(out _, out _);
            case WireFixed32:
                return TryAdvance(4);
            default:
                return false;
        }
    }

    private bool TryAdvance(int count)
    {
        if (_buffer.Length - Position < count)
        {
            return false;
        }

        Position += count;
        return true;
    }
}

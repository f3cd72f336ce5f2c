using System.Buffers.Binary;

namespace DnsMirror.Wire;

/// <summary>
/// Forward-only reader over one DNS message. Every read checks bounds first and returns false instead of
/// throwing, recording what went wrong and where (<see cref="Error"/>, <see cref="ErrorOffset"/>), so callers
/// throw one <see cref="DnsFormatException"/> with the offset.
/// </summary>
internal ref struct DnsWireReader
{
    /// <summary>RFC 1035 §2.3.4: a name is at most 255 octets on the wire, a label at most 63.</summary>
    public const int MaxNameLength = 255;
    public const int MaxLabelLength = 63;

    private readonly ReadOnlySpan<byte> _message;
    private int _position;

    public DnsWireReader(ReadOnlySpan<byte> message, int position = 0)
    {
        _message = message;
        _position = position;
        Error = null;
        ErrorOffset = 0;
    }

    public readonly int Position => _position;

    public readonly int Length => _message.Length;

    public readonly int Remaining => _message.Length - _position;

    /// <summary>Why the last failed read failed; null while every read succeeded.</summary>
    public string? Error { get; private set; }

    public int ErrorOffset { get; private set; }

    public readonly DnsFormatException ToException() =>
        new(Error ?? "malformed message", ErrorOffset, _message.Length);

    public bool TryReadUInt8(out byte value)
    {
        if (_position >= _message.Length)
        {
            value = 0;
            return Fail("truncated: expected 1 octet", _position);
        }

        value = _message[_position++];
        return true;
    }

    public bool TryReadUInt16(out ushort value)
    {
        if (Remaining < 2)
        {
            value = 0;
            return Fail("truncated: expected 2 octets", _position);
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(_message[_position..]);
        _position += 2;
        return true;
    }

    public bool TryReadUInt32(out uint value)
    {
        if (Remaining < 4)
        {
            value = 0;
            return Fail("truncated: expected 4 octets", _position);
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(_message[_position..]);
        _position += 4;
        return true;
    }

    /// <summary>RFC 8945 §4.2: Time Signed is an unsigned 48-bit number of seconds.</summary>
    public bool TryReadUInt48(out ulong value)
    {
        if (Remaining < 6)
        {
            value = 0;
            return Fail("truncated: expected 6 octets", _position);
        }

        value = ((ulong)BinaryPrimitives.ReadUInt16BigEndian(_message[_position..]) << 32)
            | BinaryPrimitives.ReadUInt32BigEndian(_message[(_position + 2)..]);
        _position += 6;
        return true;
    }

    public bool TryReadBytes(int length, out ReadOnlySpan<byte> value)
    {
        if (length < 0 || Remaining < length)
        {
            value = default;
            return Fail($"truncated: expected {length} octets", _position);
        }

        value = _message.Slice(_position, length);
        _position += length;
        return true;
    }

    /// <summary>RFC 1035 §3.3: a character-string is one length octet and up to 255 octets.</summary>
    public bool TryReadCharacterString(out ReadOnlySpan<byte> value)
    {
        var start = _position;
        if (!TryReadUInt8(out var length))
        {
            value = default;
            return false;
        }

        if (!TryReadBytes(length, out value))
        {
            return Fail("character-string runs past its end", start);
        }

        return true;
    }

    public bool TryReadHeader(out DnsHeader header)
    {
        header = default;
        if (Remaining < DnsHeader.Size)
        {
            return Fail("truncated header", _position);
        }

        TryReadUInt16(out var id);
        TryReadUInt16(out var flags);
        TryReadUInt16(out var qd);
        TryReadUInt16(out var an);
        TryReadUInt16(out var ns);
        TryReadUInt16(out var ar);
        header = new DnsHeader(id, flags, qd, an, ns, ar);
        return true;
    }

    /// <summary>
    /// Reads a domain name (RFC 1035 §3.1, compression §4.1.4) and writes it uncompressed into
    /// <paramref name="destination"/> (at least 255 octets). Pointers must point strictly backwards of every
    /// earlier jump, so a pointer loop is impossible and the walk always ends.
    /// </summary>
    public bool TryReadName(scoped Span<byte> destination, out int written) => TryReadName(destination, out written, allowCompression: true);

    /// <summary>Same, for RDATA of types defined after RFC 1035, whose names must not be compressed (RFC 3597 §4).</summary>
    public bool TryReadName(scoped Span<byte> destination, out int written, bool allowCompression)
    {
        written = 0;
        var cursor = _position;
        var lowestJump = _position;
        var jumped = false;
        while (true)
        {
            if (cursor >= _message.Length)
            {
                return Fail("truncated name", cursor);
            }

            var length = _message[cursor];
            switch (length & 0xC0)
            {
                case 0x00:
                    if (length == 0)
                    {
                        if (written + 1 > MaxNameLength)
                        {
                            return Fail("name longer than 255 octets", cursor);
                        }

                        destination[written++] = 0;
                        if (!jumped)
                        {
                            _position = cursor + 1;
                        }

                        return true;
                    }

                    if (cursor + 1 + length > _message.Length)
                    {
                        return Fail("truncated label", cursor);
                    }

                    // +1 keeps room for the root label that still has to follow.
                    if (written + 1 + length + 1 > MaxNameLength)
                    {
                        return Fail("name longer than 255 octets", cursor);
                    }

                    _message.Slice(cursor, length + 1).CopyTo(destination[written..]);
                    written += length + 1;
                    cursor += length + 1;
                    break;
                case 0xC0:
                    if (!allowCompression)
                    {
                        return Fail("compression pointer where compression is not allowed", cursor);
                    }

                    if (cursor + 1 >= _message.Length)
                    {
                        return Fail("truncated compression pointer", cursor);
                    }

                    var target = ((length & 0x3F) << 8) | _message[cursor + 1];
                    if (target >= lowestJump)
                    {
                        return Fail("compression pointer does not point backwards", cursor);
                    }

                    if (!jumped)
                    {
                        _position = cursor + 2;
                        jumped = true;
                    }

                    lowestJump = target;
                    cursor = target;
                    break;
                default:
                    return Fail("unsupported label type (RFC 6891 §5 extended labels are obsolete)", cursor);
            }
        }
    }

    /// <summary>Skips a name; same checks as <see cref="TryReadName(Span{byte}, out int)"/>.</summary>
    public bool TrySkipName()
    {
        Span<byte> scratch = stackalloc byte[MaxNameLength];
        return TryReadName(scratch, out _);
    }

    public bool Fail(string error, int offset)
    {
        Error = error;
        ErrorOffset = offset;
        return false;
    }
}

using System.Buffers;

namespace DnsMirror.Wire;

/// <summary>
/// Checks one RR's RDATA against its type's layout and returns it with names decompressed. The RDATA must
/// consume exactly RDLENGTH octets (RFC 1035 §4.1.3); a name running past it is an error, not a resync.
/// </summary>
internal static class RDataDecoder
{
    private const int NameRoom = 2 * DnsWireReader.MaxNameLength;

    public static bool TryDecode(ref DnsWireReader reader, DnsRecordType type, int rdLength, out byte[] data)
    {
        data = [];
        var start = reader.Position;
        if (reader.Remaining < rdLength)
        {
            return reader.Fail("RDLENGTH runs past the end of the message", start);
        }

        var end = start + rdLength;
        return type switch
        {
            // RFC 1035 §3.3.1, §3.3.11, §3.3.12; RFC 6672 §2.1 (DNAME).
            DnsRecordType.NS or DnsRecordType.CNAME or DnsRecordType.PTR or DnsRecordType.DNAME =>
                TryDecodeWithNames(ref reader, end, 0, 1, 0, out data),
            // RFC 1035 §3.3.9: PREFERENCE, EXCHANGE.
            DnsRecordType.MX => TryDecodeWithNames(ref reader, end, 2, 1, 0, out data),
            // RFC 1035 §3.3.13: MNAME, RNAME, SERIAL, REFRESH, RETRY, EXPIRE, MINIMUM.
            DnsRecordType.SOA => TryDecodeWithNames(ref reader, end, 0, 2, 20, out data),
            // RFC 2782: PRIORITY, WEIGHT, PORT, TARGET (RFC 3597 §4 lets receivers decompress it).
            DnsRecordType.SRV => TryDecodeWithNames(ref reader, end, 6, 1, 0, out data),
            // RFC 3403 §4.1: ORDER, PREFERENCE, FLAGS, SERVICES, REGEXP, REPLACEMENT.
            DnsRecordType.NAPTR => TryDecodeNaptr(ref reader, end, out data),
            _ => TryDecodeFlat(ref reader, type, rdLength, out data),
        };
    }

    private static bool TryDecodeWithNames(ref DnsWireReader reader, int end, int fixedBefore, int names, int fixedAfter, out byte[] data)
    {
        data = [];
        var start = reader.Position;
        var buffer = ArrayPool<byte>.Shared.Rent(fixedBefore + fixedAfter + (names * DnsWireReader.MaxNameLength));
        try
        {
            var written = 0;
            if (!CopyFixed(ref reader, end, fixedBefore, buffer, ref written))
            {
                return false;
            }

            for (var i = 0; i < names; i++)
            {
                if (!reader.TryReadName(buffer.AsSpan(written), out var nameLength))
                {
                    return false;
                }

                written += nameLength;
                if (reader.Position > end)
                {
                    return reader.Fail("name in RDATA runs past RDLENGTH", start);
                }
            }

            if (!CopyFixed(ref reader, end, fixedAfter, buffer, ref written))
            {
                return false;
            }

            if (reader.Position != end)
            {
                return reader.Fail("RDATA longer than its content", start);
            }

            data = buffer.AsSpan(0, written).ToArray();
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool TryDecodeNaptr(ref DnsWireReader reader, int end, out byte[] data)
    {
        data = [];
        var start = reader.Position;
        var buffer = ArrayPool<byte>.Shared.Rent((end - start) + DnsWireReader.MaxNameLength);
        try
        {
            var written = 0;
            if (!CopyFixed(ref reader, end, 4, buffer, ref written))
            {
                return false;
            }

            for (var i = 0; i < 3; i++)
            {
                var stringStart = reader.Position;
                if (!reader.TryReadCharacterString(out var text))
                {
                    return false;
                }

                if (reader.Position > end)
                {
                    return reader.Fail("character-string runs past RDLENGTH", stringStart);
                }

                buffer[written++] = (byte)text.Length;
                text.CopyTo(buffer.AsSpan(written));
                written += text.Length;
            }

            if (!reader.TryReadName(buffer.AsSpan(written), out var nameLength))
            {
                return false;
            }

            written += nameLength;
            if (reader.Position != end)
            {
                return reader.Fail("NAPTR RDATA does not match RDLENGTH", start);
            }

            data = buffer.AsSpan(0, written).ToArray();
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool CopyFixed(ref DnsWireReader reader, int end, int count, byte[] buffer, ref int written)
    {
        if (count == 0)
        {
            return true;
        }

        if (reader.Position + count > end)
        {
            return reader.Fail("RDATA shorter than its fixed fields", reader.Position);
        }

        if (!reader.TryReadBytes(count, out var bytes))
        {
            return false;
        }

        bytes.CopyTo(buffer.AsSpan(written));
        written += count;
        return true;
    }

    private static bool TryDecodeFlat(ref DnsWireReader reader, DnsRecordType type, int rdLength, out byte[] data)
    {
        data = [];
        var start = reader.Position;
        reader.TryReadBytes(rdLength, out var rdata);
        var check = new DnsWireReader(rdata);
        if (!IsWellFormed(ref check, type))
        {
            return reader.Fail($"{DnsTypeNames.ToText(type)} RDATA: {check.Error}", start + check.ErrorOffset);
        }

        data = rdata.ToArray();
        return true;
    }

    /// <summary>Layout checks for the flat types; <paramref name="check"/> reads the RDATA alone.</summary>
    private static bool IsWellFormed(ref DnsWireReader check, DnsRecordType type)
    {
        var length = check.Length;
        switch (type)
        {
            case DnsRecordType.A: // RFC 1035 §3.4.1
                return length == 4 || check.Fail("A RDATA must be 4 octets", 0);
            case DnsRecordType.AAAA: // RFC 3596 §2.2
                return length == 16 || check.Fail("AAAA RDATA must be 16 octets", 0);
            case DnsRecordType.TXT or DnsRecordType.SPF: // RFC 1035 §3.3.14: one or more character-strings
                if (length == 0)
                {
                    return check.Fail("TXT RDATA needs at least one character-string", 0);
                }

                while (check.Remaining > 0)
                {
                    if (!check.TryReadCharacterString(out _))
                    {
                        return false;
                    }
                }

                return true;
            case DnsRecordType.CAA: // RFC 8659 §4.1: flags, tag length (1-15), tag, value
                if (!check.TryReadUInt8(out _) || !check.TryReadUInt8(out var tagLength))
                {
                    return false;
                }

                return (tagLength is >= 1 and <= 15 || check.Fail("CAA tag length must be 1-15", 1))
                    && check.TryReadBytes(tagLength, out _);
            case DnsRecordType.SSHFP: // RFC 4255 §3.1
                return length >= 2 || check.Fail("SSHFP RDATA shorter than 2 octets", 0);
            case DnsRecordType.TLSA: // RFC 6698 §2.1
                return length >= 3 || check.Fail("TLSA RDATA shorter than 3 octets", 0);
            case DnsRecordType.DS: // RFC 4034 §5.1
                return length >= 4 || check.Fail("DS RDATA shorter than 4 octets", 0);
            case DnsRecordType.SVCB or DnsRecordType.HTTPS: // RFC 9460 §2.2: priority, uncompressed target, params
                Span<byte> name = stackalloc byte[DnsWireReader.MaxNameLength];
                if (!check.TryReadUInt16(out _) || !check.TryReadName(name, out _, allowCompression: false))
                {
                    return false;
                }

                while (check.Remaining > 0)
                {
                    if (!check.TryReadUInt16(out _) || !check.TryReadUInt16(out var valueLength) || !check.TryReadBytes(valueLength, out _))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }
}

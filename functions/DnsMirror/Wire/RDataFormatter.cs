using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;

namespace DnsMirror.Wire;

/// <summary>
/// Renders decompressed RDATA as master-file text (RFC 1035 §5.1 and each type's RFC), the form Route 53's
/// API uses for values. With <c>lowercaseNames</c> the names inside RDATA fold to lower case, which gives a
/// key that compares two values the way DNS does.
/// </summary>
internal static partial class RDataFormatter
{
    // A diff formats every RR of the zone: one builder per thread instead of one per value.
    private static readonly SearchValues<byte> s_quotedSpecials = SearchValues.Create(QuotedSpecials());

    [ThreadStatic]
    private static StringBuilder? s_builder;

    public static string Format(DnsRecordType type, ReadOnlySpan<byte> rdata, bool lowercaseNames = false)
    {
        // The bulk of most zones: addresses, which need no builder.
        if (type == DnsRecordType.A && rdata.Length == 4)
        {
            return FormatIPv4(rdata);
        }

        if (type == DnsRecordType.AAAA && rdata.Length == 16)
        {
            return new IPAddress(rdata).ToString();
        }

        var builder = s_builder ?? new StringBuilder(256);
        s_builder = null;
        builder.Clear();
        AppendRData(builder, type, rdata, lowercaseNames);
        var text = builder.ToString();
        if (builder.Capacity <= 4096)
        {
            s_builder = builder;
        }

        return text;
    }

    /// <summary>
    /// Appends the same text <see cref="Format"/> returns, to compare RDATA with other text without a string
    /// per record.
    /// </summary>
    public static void Append(StringBuilder builder, DnsRecordType type, ReadOnlySpan<byte> rdata, bool lowercaseNames = false)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (type == DnsRecordType.A && rdata.Length == 4)
        {
            Span<char> text = stackalloc char[15];
            builder.Append(text[..FormatIPv4(rdata, text)]);
            return;
        }

        if (type == DnsRecordType.AAAA && rdata.Length == 16)
        {
            // The longest IPv6 text is 45 characters (an IPv4-mapped form with every group spelled out).
            Span<char> text = stackalloc char[64];
            new IPAddress(rdata).TryFormat(text, out var written);
            builder.Append(text[..written]);
            return;
        }

        AppendRData(builder, type, rdata, lowercaseNames);
    }

    /// <summary>The known text form of the type, or RFC 3597's generic one when the RDATA does not parse as that type.</summary>
    private static void AppendRData(StringBuilder builder, DnsRecordType type, ReadOnlySpan<byte> rdata, bool lowercaseNames)
    {
        var start = builder.Length;
        var reader = new DnsWireReader(rdata);
        if (!TryAppend(builder, ref reader, type, lowercaseNames) || reader.Remaining != 0)
        {
            builder.Length = start;
            AppendGeneric(builder, rdata);
        }
    }

    /// <summary>Dotted decimal straight into the string: the same text as <see cref="IPAddress.ToString()"/> gives.</summary>
    private static string FormatIPv4(ReadOnlySpan<byte> address)
    {
        Span<char> text = stackalloc char[15];
        return new string(text[..FormatIPv4(address, text)]);
    }

    private static int FormatIPv4(ReadOnlySpan<byte> address, Span<char> text)
    {
        var length = 0;
        for (var i = 0; i < 4; i++)
        {
            if (i > 0)
            {
                text[length++] = '.';
            }

            address[i].TryFormat(text[length..], out var written, default, CultureInfo.InvariantCulture);
            length += written;
        }

        return length;
    }

    private static bool TryAppend(StringBuilder builder, ref DnsWireReader reader, DnsRecordType type, bool lower)
    {
        switch (type)
        {
            case DnsRecordType.A when reader.Length == 4:
            case DnsRecordType.AAAA when reader.Length == 16:
                reader.TryReadBytes(reader.Length, out var address);
                builder.Append(new IPAddress(address).ToString());
                return true;
            case DnsRecordType.NS or DnsRecordType.CNAME or DnsRecordType.PTR or DnsRecordType.DNAME:
                return AppendName(builder, ref reader, lower);
            case DnsRecordType.MX:
                return AppendUInt16(builder, ref reader) && AppendName(builder.Append(' '), ref reader, lower);
            case DnsRecordType.SOA:
                return AppendName(builder, ref reader, lower) && AppendName(builder.Append(' '), ref reader, lower)
                    && AppendUInt32(builder.Append(' '), ref reader) && AppendUInt32(builder.Append(' '), ref reader)
                    && AppendUInt32(builder.Append(' '), ref reader) && AppendUInt32(builder.Append(' '), ref reader)
                    && AppendUInt32(builder.Append(' '), ref reader);
            case DnsRecordType.SRV:
                return AppendUInt16(builder, ref reader) && AppendUInt16(builder.Append(' '), ref reader)
                    && AppendUInt16(builder.Append(' '), ref reader) && AppendName(builder.Append(' '), ref reader, lower);
            case DnsRecordType.NAPTR:
                return AppendUInt16(builder, ref reader) && AppendUInt16(builder.Append(' '), ref reader)
                    && AppendString(builder.Append(' '), ref reader) && AppendString(builder.Append(' '), ref reader)
                    && AppendString(builder.Append(' '), ref reader) && AppendName(builder.Append(' '), ref reader, lower);
            case DnsRecordType.TXT or DnsRecordType.SPF:
                var first = true;
                while (reader.Remaining > 0)
                {
                    if (!first)
                    {
                        builder.Append(' ');
                    }

                    first = false;
                    if (!AppendString(builder, ref reader))
                    {
                        return false;
                    }
                }

                return !first;
            case DnsRecordType.CAA:
                if (!reader.TryReadUInt8(out var flags) || !reader.TryReadCharacterString(out var tag) || !reader.TryReadBytes(reader.Remaining, out var value))
                {
                    return false;
                }

                builder.Append(flags.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Encoding.ASCII.GetString(tag)).Append(' ');
                AppendQuoted(builder, value);
                return true;
            case DnsRecordType.SSHFP:
                return AppendUInt8(builder, ref reader) && AppendUInt8(builder.Append(' '), ref reader) && AppendHexRest(builder.Append(' '), ref reader);
            case DnsRecordType.TLSA:
                return AppendUInt8(builder, ref reader) && AppendUInt8(builder.Append(' '), ref reader)
                    && AppendUInt8(builder.Append(' '), ref reader) && AppendHexRest(builder.Append(' '), ref reader);
            case DnsRecordType.DS:
                return AppendUInt16(builder, ref reader) && AppendUInt8(builder.Append(' '), ref reader)
                    && AppendUInt8(builder.Append(' '), ref reader) && AppendHexRest(builder.Append(' '), ref reader);
            case DnsRecordType.SVCB or DnsRecordType.HTTPS:
                return AppendSvcb(builder, ref reader, lower);
            default:
                return false;
        }
    }

    /// <summary>RFC 3597 §5: <c>\# length hex</c> for types without a known text form.</summary>
    private static void AppendGeneric(StringBuilder builder, ReadOnlySpan<byte> rdata)
    {
        builder.Append("\\# ").Append(rdata.Length.ToString(CultureInfo.InvariantCulture));
        if (rdata.Length > 0)
        {
            builder.Append(' ').Append(Convert.ToHexString(rdata));
        }
    }

    private static bool AppendName(StringBuilder builder, ref DnsWireReader reader, bool lower)
    {
        Span<byte> name = stackalloc byte[DnsWireReader.MaxNameLength];
        if (!reader.TryReadName(name, out var length, allowCompression: false))
        {
            return false;
        }

        DomainNameText.Append(builder, name[..length], lower);
        return true;
    }

    private static bool AppendUInt8(StringBuilder builder, ref DnsWireReader reader)
    {
        if (!reader.TryReadUInt8(out var value))
        {
            return false;
        }

        builder.Append(value.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    private static bool AppendUInt16(StringBuilder builder, ref DnsWireReader reader)
    {
        if (!reader.TryReadUInt16(out var value))
        {
            return false;
        }

        builder.Append(value.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    private static bool AppendUInt32(StringBuilder builder, ref DnsWireReader reader)
    {
        if (!reader.TryReadUInt32(out var value))
        {
            return false;
        }

        builder.Append(value.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    private static bool AppendHexRest(StringBuilder builder, ref DnsWireReader reader)
    {
        reader.TryReadBytes(reader.Remaining, out var rest);
        builder.Append(rest.Length == 0 ? "-" : Convert.ToHexString(rest));
        return true;
    }

    private static bool AppendString(StringBuilder builder, ref DnsWireReader reader)
    {
        if (!reader.TryReadCharacterString(out var text))
        {
            return false;
        }

        AppendQuoted(builder, text);
        return true;
    }

    /// <summary>RFC 1035 §5.1 quoted string: <c>"</c> and <c>\</c> escaped, non-printable octets as <c>\DDD</c>.</summary>
    public static void AppendQuoted(StringBuilder builder, ReadOnlySpan<byte> text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append('"');
        if (!text.ContainsAny(s_quotedSpecials))
        {
            // Printable text with no quote or backslash (most TXT strings): appended as it is.
            Span<char> chars = stackalloc char[text.Length];
            Encoding.Latin1.GetChars(text, chars);
            builder.Append(chars).Append('"');
            return;
        }

        foreach (var octet in text)
        {
            if (octet < 0x20 || octet >= 0x7F)
            {
                builder.Append('\\').Append(((int)octet).ToString("D3", CultureInfo.InvariantCulture));
            }
            else
            {
                if (octet is (byte)'"' or (byte)'\\')
                {
                    builder.Append('\\');
                }

                builder.Append((char)octet);
            }
        }

        builder.Append('"');
    }

    private static byte[] QuotedSpecials()
    {
        var specials = new List<byte> { (byte)'"', (byte)'\\' };
        for (var octet = 0; octet < 256; octet++)
        {
            if (octet < 0x20 || octet >= 0x7F)
            {
                specials.Add((byte)octet);
            }
        }

        return [.. specials];
    }

    internal static ushort ReadUInt16(ReadOnlySpan<byte> span) => BinaryPrimitives.ReadUInt16BigEndian(span);
}

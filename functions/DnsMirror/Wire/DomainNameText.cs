using System.Text;

namespace DnsMirror.Wire;

/// <summary>
/// Converts between wire-format names and presentation text (RFC 1035 §5.1; case rules RFC 4343).
/// Text output always is absolute (trailing dot); special characters escaped with a backslash, octets outside
/// printable ASCII as <c>\DDD</c>, so the text is pure ASCII and case-folds with ASCII rules only.
/// </summary>
internal static class DomainNameText
{
    public static string Format(ReadOnlySpan<byte> wireName, bool lowercase = false) =>
        Format(wireName, lowercase, NameEscapeStyle.Decimal);

    public static string Format(ReadOnlySpan<byte> wireName, bool lowercase, NameEscapeStyle style)
    {
        if (wireName.Length <= 1)
        {
            return ".";
        }

        var builder = new StringBuilder(wireName.Length + 8);
        Append(builder, wireName, lowercase, style);
        return builder.ToString();
    }

    /// <summary>As <see cref="Format(ReadOnlySpan{byte}, bool, NameEscapeStyle)"/>, into a builder the caller owns (no string of its own).</summary>
    public static void Append(StringBuilder builder, ReadOnlySpan<byte> wireName, bool lowercase, NameEscapeStyle style = NameEscapeStyle.Decimal)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (wireName.Length <= 1)
        {
            builder.Append('.');
            return;
        }

        Span<char> chars = stackalloc char[DnsWireReader.MaxLabelLength];
        var position = 0;
        while (position < wireName.Length && wireName[position] != 0)
        {
            int length = wireName[position++];
            var label = wireName.Slice(position, Math.Min(length, wireName.Length - position));
            var wildcard = style == NameEscapeStyle.Octal && position == 1 && label.Length == 1 && label[0] == (byte)'*';
            if (label.Length <= chars.Length && !label.ContainsAnyExcept(s_plainOctets))
            {
                // Lower-case letters, digits and '-' are the same text in either style: the label in one go.
                var written = System.Text.Encoding.Latin1.GetChars(label, chars);
                builder.Append(chars[..written]);
            }
            else
            {
                foreach (var octet in label)
                {
                    AppendOctet(builder, octet, lowercase, style, wildcard);
                }
            }

            builder.Append('.');
            position += length;
        }
    }

    private static readonly System.Buffers.SearchValues<byte> s_plainOctets =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-"u8);

    /// <summary>
    /// Parses presentation text into a wire name. A name without a trailing dot is taken relative to
    /// <paramref name="origin"/> (wire form), or as absolute when there is none, which is how Route 53
    /// reads every name.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, Span<byte> destination, out int written, NameEscapeStyle style = NameEscapeStyle.Decimal, ReadOnlySpan<byte> origin = default)
    {
        written = 0;
        if (text.Length == 0)
        {
            return false;
        }

        if (text is ".")
        {
            destination[0] = 0;
            written = 1;
            return true;
        }

        var labelStart = 0;
        destination[0] = 0;
        var labelLength = 0;
        var index = 0;
        var absolute = false;
        while (index < text.Length)
        {
            var c = text[index];
            if (c == '.')
            {
                if (labelLength == 0)
                {
                    return false;
                }

                destination[labelStart] = (byte)labelLength;
                labelStart += labelLength + 1;
                labelLength = 0;
                index++;
                if (index == text.Length)
                {
                    absolute = true;
                }

                continue;
            }

            byte octet;
            if (c == '\\')
            {
                if (!TryReadEscape(text, ref index, style, out octet))
                {
                    return false;
                }
            }
            else if (c > 0x7E || c < 0x21)
            {
                return false;
            }
            else
            {
                octet = (byte)c;
                index++;
            }

            if (labelLength == DnsWireReader.MaxLabelLength || labelStart + 1 + labelLength + 1 >= DnsWireReader.MaxNameLength)
            {
                return false;
            }

            destination[labelStart + 1 + labelLength] = octet;
            labelLength++;
        }

        if (labelLength > 0)
        {
            destination[labelStart] = (byte)labelLength;
            labelStart += labelLength + 1;
        }

        if (!absolute && origin.Length > 1)
        {
            if (labelStart + origin.Length > DnsWireReader.MaxNameLength)
            {
                return false;
            }

            origin.CopyTo(destination[labelStart..]);
            written = labelStart + origin.Length;
            return true;
        }

        if (labelStart + 1 > DnsWireReader.MaxNameLength)
        {
            return false;
        }

        destination[labelStart] = 0;
        written = labelStart + 1;
        return true;
    }

    /// <summary>Re-renders presentation text in this class's canonical form (absolute, lower case when asked).</summary>
    public static bool TryNormalize(string text, NameEscapeStyle style, bool lowercase, out string normalized)
    {
        Span<byte> wire = stackalloc byte[DnsWireReader.MaxNameLength];
        if (!TryParse(text, wire, out var written, style))
        {
            normalized = text;
            return false;
        }

        normalized = Format(wire[..written], lowercase);
        return true;
    }

    /// <summary>Whether <paramref name="name"/> equals or lies below <paramref name="zone"/> (both canonical text).</summary>
    public static bool IsAtOrBelow(string name, string zone)
    {
        if (zone == ".")
        {
            return true;
        }

        if (name.Length == zone.Length)
        {
            return string.Equals(name, zone, StringComparison.OrdinalIgnoreCase);
        }

        return name.Length > zone.Length
            && name.EndsWith(zone, StringComparison.OrdinalIgnoreCase)
            && name[name.Length - zone.Length - 1] == '.'
            && !IsEscaped(name, name.Length - zone.Length - 1);
    }

    internal static bool TryReadEscape(ReadOnlySpan<char> text, ref int index, NameEscapeStyle style, out byte octet)
    {
        octet = 0;
        if (index + 1 >= text.Length)
        {
            return false;
        }

        var next = text[index + 1];
        if (!char.IsAsciiDigit(next))
        {
            if (next > 0x7E || next < 0x20)
            {
                return false;
            }

            octet = (byte)next;
            index += 2;
            return true;
        }

        if (index + 3 >= text.Length)
        {
            return false;
        }

        var radix = style == NameEscapeStyle.Octal ? 8 : 10;
        var value = 0;
        for (var i = 1; i <= 3; i++)
        {
            var digit = text[index + i] - '0';
            if (digit < 0 || digit >= radix)
            {
                return false;
            }

            value = (value * radix) + digit;
        }

        if (value > 255)
        {
            return false;
        }

        octet = (byte)value;
        index += 4;
        return true;
    }

    private static bool IsEscaped(string text, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static void AppendOctet(StringBuilder builder, byte octet, bool lowercase, NameEscapeStyle style, bool wildcard)
    {
        if (style == NameEscapeStyle.Decimal && (char.IsAsciiLetterLower((char)octet) || char.IsAsciiDigit((char)octet) || octet == (byte)'-'))
        {
            // Most octets of most names: nothing to escape or fold.
            builder.Append((char)octet);
            return;
        }

        if (style == NameEscapeStyle.Octal)
        {
            // Route 53 takes a-z, 0-9, '-' and '_' as they are and everything else as \ooo; '*' only as a wildcard label.
            var plain = char.IsAsciiLetterOrDigit((char)octet) || octet is (byte)'-' or (byte)'_' || wildcard;
            if (plain)
            {
                // Route 53 keeps names in lower case.
                builder.Append(char.ToLowerInvariant((char)octet));
            }
            else
            {
                builder.Append('\\').Append(Convert.ToString(octet, 8).PadLeft(3, '0'));
            }

            return;
        }

        if (octet <= 0x20 || octet >= 0x7F)
        {
            builder.Append('\\').Append(((int)octet).ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        var c = (char)octet;
        if (c is '.' or '\\' or '"' or '(' or ')' or ';' or '@' or '$')
        {
            builder.Append('\\');
        }

        builder.Append(lowercase ? char.ToLowerInvariant(c) : c);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DnsMirror.Wire;

namespace DnsMirror.Route53;

/// <summary>
/// Turns a Route 53 value into the comparison key <see cref="RDataFormatter"/> gives the same RDATA with
/// <c>lowercaseNames</c>: names absolute and lower case (Route 53 reads every name as absolute), numbers
/// without leading zeros, addresses in their canonical text, hex upper case, strings re-quoted, escapes
/// read as Route 53's octal ones.
/// </summary>
internal static class Route53ValueNormalizer
{
    public static bool TryNormalize(DnsRecordType type, string value, out string key)
    {
        ArgumentNullException.ThrowIfNull(value);
        key = value;
        if (TryNormalizeSingleToken(type, value, out var fast, out var handled))
        {
            key = fast;
            return true;
        }

        if (handled || !TryTokenize(value, out var tokens) || tokens.Count == 0)
        {
            return false;
        }

        var builder = new StringBuilder(value.Length + 4);
        var ok = type switch
        {
            DnsRecordType.A => tokens.Count == 1 && Address(builder, tokens[0], AddressFamily.InterNetwork),
            DnsRecordType.AAAA => tokens.Count == 1 && Address(builder, tokens[0], AddressFamily.InterNetworkV6),
            DnsRecordType.NS or DnsRecordType.CNAME or DnsRecordType.PTR => tokens.Count == 1 && Name(builder, tokens[0]),
            DnsRecordType.MX => tokens.Count == 2 && Number(builder, tokens[0], ushort.MaxValue) && Name(builder.Append(' '), tokens[1]),
            DnsRecordType.SRV => tokens.Count == 4 && Numbers(builder, tokens, 3, ushort.MaxValue) && Name(builder.Append(' '), tokens[3]),
            DnsRecordType.SOA => tokens.Count == 7 && Name(builder, tokens[0]) && Name(builder.Append(' '), tokens[1])
                && Enumerable.Range(2, 5).All(i => Number(builder.Append(' '), tokens[i], uint.MaxValue)),
            DnsRecordType.TXT or DnsRecordType.SPF => Strings(builder, tokens),
            DnsRecordType.CAA => tokens.Count == 3 && Number(builder, tokens[0], byte.MaxValue) && !tokens[1].IsQuoted
                && String(builder.Append(' ').Append(tokens[1].Text).Append(' '), tokens[2]),
            DnsRecordType.NAPTR => tokens.Count == 6 && Numbers(builder, tokens, 2, ushort.MaxValue)
                && String(builder.Append(' '), tokens[2]) && String(builder.Append(' '), tokens[3])
                && String(builder.Append(' '), tokens[4]) && Name(builder.Append(' '), tokens[5]),
            DnsRecordType.SSHFP => tokens.Count >= 3 && Numbers(builder, tokens, 2, byte.MaxValue) && Hex(builder.Append(' '), tokens, 2),
            DnsRecordType.TLSA => tokens.Count >= 4 && Numbers(builder, tokens, 3, byte.MaxValue) && Hex(builder.Append(' '), tokens, 3),
            DnsRecordType.DS => tokens.Count >= 4 && Number(builder, tokens[0], ushort.MaxValue)
                && Number(builder.Append(' '), tokens[1], byte.MaxValue) && Number(builder.Append(' '), tokens[2], byte.MaxValue)
                && Hex(builder.Append(' '), tokens, 3),
            DnsRecordType.SVCB or DnsRecordType.HTTPS => tokens.Count >= 2 && Number(builder, tokens[0], ushort.MaxValue)
                && Name(builder.Append(' '), tokens[1]) && Rest(builder, tokens, 2),
            _ => false,
        };
        if (ok)
        {
            key = builder.ToString();
        }

        return ok;
    }

    /// <summary>A, AAAA, CNAME, NS, PTR values are one bare token: no tokenizer or builder needed.</summary>
    private static bool TryNormalizeSingleToken(DnsRecordType type, string value, out string key, out bool handled)
    {
        key = value;
        handled = type is DnsRecordType.A or DnsRecordType.AAAA or DnsRecordType.NS or DnsRecordType.CNAME or DnsRecordType.PTR;
        if (!handled)
        {
            return false;
        }

        var text = value.Trim();
        if (text.Length == 0 || text.Contains(' ', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal))
        {
            return false;
        }

        if (type is DnsRecordType.A or DnsRecordType.AAAA)
        {
            var family = type == DnsRecordType.A ? AddressFamily.InterNetwork : AddressFamily.InterNetworkV6;
            if (!IPAddress.TryParse(text, out var address) || address.AddressFamily != family)
            {
                return false;
            }

            key = address.ToString();
            return true;
        }

        return Route53Text.TryNameToKey(text, out key);
    }

    /// <summary>Splits on white space; a token opening with a quote runs to the closing quote, escapes decoded.</summary>
    internal static bool TryTokenize(string value, out List<ValueToken> tokens)
    {
        tokens = [];
        var i = 0;
        while (i < value.Length)
        {
            if (char.IsWhiteSpace(value[i]))
            {
                i++;
                continue;
            }

            if (value[i] != '"')
            {
                var start = i;
                while (i < value.Length && !char.IsWhiteSpace(value[i]))
                {
                    i++;
                }

                tokens.Add(new ValueToken(value[start..i], null));
                continue;
            }

            var octets = new List<byte>();
            i++;
            while (true)
            {
                if (i >= value.Length)
                {
                    return false;
                }

                if (value[i] == '"')
                {
                    i++;
                    break;
                }

                if (value[i] == '\\')
                {
                    if (!DomainNameText.TryReadEscape(value, ref i, NameEscapeStyle.Octal, out var octet))
                    {
                        return false;
                    }

                    octets.Add(octet);
                    continue;
                }

                if (value[i] > 0x7E)
                {
                    octets.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
                }
                else
                {
                    octets.Add((byte)value[i]);
                }

                i++;
            }

            tokens.Add(new ValueToken(string.Empty, [.. octets]));
        }

        return true;
    }

    private static bool Address(StringBuilder builder, ValueToken token, AddressFamily family)
    {
        if (token.IsQuoted || !IPAddress.TryParse(token.Text, out var address) || address.AddressFamily != family)
        {
            return false;
        }

        builder.Append(address.ToString());
        return true;
    }

    private static bool Name(StringBuilder builder, ValueToken token)
    {
        if (token.IsQuoted || !Route53Text.TryNameToKey(token.Text, out var name))
        {
            return false;
        }

        builder.Append(name);
        return true;
    }

    private static bool Number(StringBuilder builder, ValueToken token, uint max)
    {
        if (token.IsQuoted || !uint.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > max)
        {
            return false;
        }

        builder.Append(number.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    private static bool Numbers(StringBuilder builder, List<ValueToken> tokens, int count, uint max)
    {
        for (var i = 0; i < count; i++)
        {
            if (!Number(i == 0 ? builder : builder.Append(' '), tokens[i], max))
            {
                return false;
            }
        }

        return true;
    }

    private static bool String(StringBuilder builder, ValueToken token)
    {
        var octets = token.Quoted ?? Encoding.ASCII.GetBytes(token.Text);
        if (octets.Length > 255)
        {
            return false;
        }

        RDataFormatter.AppendQuoted(builder, octets);
        return true;
    }

    private static bool Strings(StringBuilder builder, List<ValueToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!String(i == 0 ? builder : builder.Append(' '), tokens[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Hex(StringBuilder builder, List<ValueToken> tokens, int from)
    {
        var hex = string.Concat(tokens.Skip(from).Select(t => t.Text));
        if (tokens.Skip(from).Any(t => t.IsQuoted) || hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        builder.Append(hex.ToUpperInvariant());
        return true;
    }

    private static bool Rest(StringBuilder builder, List<ValueToken> tokens, int from)
    {
        foreach (var token in tokens.Skip(from))
        {
            if (token.IsQuoted)
            {
                return false;
            }

            builder.Append(' ').Append(token.Text);
        }

        return true;
    }
}

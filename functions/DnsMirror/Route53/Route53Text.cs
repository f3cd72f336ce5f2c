using System.Globalization;
using System.Text;
using DnsMirror.Wire;

namespace DnsMirror.Route53;

/// <summary>
/// Route 53 writes <c>\ooo</c> escapes in octal where master files use <c>\DDD</c> in decimal; these convert
/// names and values between the two.
/// </summary>
public static class Route53Text
{
    /// <summary>A presentation name (decimal escapes) as Route 53 writes it (lower case, octal escapes).</summary>
    public static string NameFromPresentation(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<byte> wire = stackalloc byte[DnsWireReader.MaxNameLength];
        return DomainNameText.TryParse(name, wire, out var written)
            ? DomainNameText.Format(wire[..written], lowercase: true, NameEscapeStyle.Octal)
            : throw new ArgumentException($"'{name}' is not a domain name", nameof(name));
    }

    /// <summary>A Route 53 name as canonical comparison text (absolute, lower case, decimal escapes).</summary>
    public static bool TryNameToKey(string route53Name, out string key)
    {
        ArgumentNullException.ThrowIfNull(route53Name);
        if (IsPlainCanonical(route53Name))
        {
            key = route53Name;
            return true;
        }

        return DomainNameText.TryNormalize(route53Name, NameEscapeStyle.Octal, lowercase: true, out key);
    }

    /// <summary>
    /// Lower-case letters, digits, '-', '_' and '*' in labels of 1-63 characters, ending with the root dot:
    /// already canonical text, so the name needs no parse (the common case, checked once per record set).
    /// </summary>
    private static bool IsPlainCanonical(string name)
    {
        if (name.Length < 2 || name.Length > 254 || name[^1] != '.')
        {
            return false;
        }

        var label = 0;
        foreach (var c in name)
        {
            if (c == '.')
            {
                if (label == 0)
                {
                    return false;
                }

                label = 0;
                continue;
            }

            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '*') || ++label > 63)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A presentation value with its decimal <c>\DDD</c> escapes rewritten as Route 53's octal ones.</summary>
    public static string ValueFromPresentation(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 >= value.Length)
            {
                builder.Append(value[i]);
                continue;
            }

            if (i + 3 < value.Length && char.IsAsciiDigit(value[i + 1]) && char.IsAsciiDigit(value[i + 2]) && char.IsAsciiDigit(value[i + 3]))
            {
                var octet = int.Parse(value.AsSpan(i + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture);
                builder.Append('\\').Append(Convert.ToString(octet, 8).PadLeft(3, '0'));
                i += 3;
            }
            else
            {
                builder.Append(value[i]).Append(value[i + 1]);
                i++;
            }
        }

        return builder.ToString();
    }
}

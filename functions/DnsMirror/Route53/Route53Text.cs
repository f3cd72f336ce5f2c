using System.Buffers;
using System.Globalization;
using System.Text;
using DnsMirror.Wire;

namespace DnsMirror.Route53;

/// <summary>
/// Route 53 writes <c>\ooo</c> escapes in octal where master files use <c>\DDD</c> in decimal; these convert
/// names and values between the two.
/// </summary>
internal static class Route53Text
{
    private static readonly SearchValues<char> s_plainNameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_*.");

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
        if (name.Length < 2 || name.Length > 254 || name[^1] != '.' || name.AsSpan().ContainsAnyExcept(s_plainNameChars))
        {
            return false;
        }

        // The text ends with a dot, so every label has one after it.
        for (var rest = name.AsSpan(); rest.Length > 0;)
        {
            var length = rest.IndexOf('.');
            if (length is 0 or > 63)
            {
                return false;
            }

            rest = rest[(length + 1)..];
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

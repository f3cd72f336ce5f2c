using System.Globalization;

namespace DnsMirror.Wire;

/// <summary>Type mnemonics; unknown types as <c>TYPEnnn</c> (RFC 3597 §5).</summary>
public static class DnsTypeNames
{
    public static string ToText(DnsRecordType type) =>
        Enum.IsDefined(type) ? type.ToString() : "TYPE" + ((ushort)type).ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DnsRecordType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("TYPE", StringComparison.OrdinalIgnoreCase)
            && ushort.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            type = (DnsRecordType)number;
            return true;
        }

        return Enum.TryParse(text, ignoreCase: true, out type) && Enum.IsDefined(type) && !char.IsAsciiDigit(text[0]);
    }
}

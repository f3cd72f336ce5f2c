using System.Globalization;

namespace DnsMirror.Wire;

/// <summary>Type mnemonics; unknown types as <c>TYPEnnn</c> (RFC 3597 §5).</summary>
internal static class DnsTypeNames
{
    // Looked up once per record set in a diff; a dictionary beats Enum.TryParse on that path.
    private static readonly Dictionary<string, DnsRecordType> s_byName =
        Enum.GetValues<DnsRecordType>().ToDictionary(t => t.ToString(), t => t, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<DnsRecordType, string> s_byType = s_byName.ToDictionary(pair => pair.Value, pair => pair.Key);

    public static string ToText(DnsRecordType type) =>
        s_byType.TryGetValue(type, out var text) ? text : "TYPE" + ((ushort)type).ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out DnsRecordType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (s_byName.TryGetValue(text, out type))
        {
            return true;
        }

        if (text.StartsWith("TYPE", StringComparison.OrdinalIgnoreCase)
            && ushort.TryParse(text.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            type = (DnsRecordType)number;
            return true;
        }

        type = default;
        return false;
    }
}

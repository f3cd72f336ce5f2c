using DnsMirror.Wire;

namespace DnsMirror.Zone;

/// <summary>
/// One RRset of the source zone: every RR with the same owner (case-insensitive) and type. Values are kept
/// twice: as Route 53 text for writing, and as comparison keys (names folded to lower case).
/// </summary>
public sealed class SourceRecordSet
{
    private readonly List<DnsResourceRecord> _records = new(1);
    private readonly List<string> _values = new(1);
    private readonly List<string> _keys = new(1);
    private HashSet<string>? _keyIndex;

    public SourceRecordSet(string name, DnsRecordType type, uint ttl)
    {
        Name = name;
        Type = type;
        Ttl = ttl;
    }

    /// <summary>Owner name as the first RR spelled it.</summary>
    public string Name { get; }

    public DnsRecordType Type { get; }

    /// <summary>TTL of the first RR; RFC 2181 §5.2 wants one TTL per RRset, so that is the set's.</summary>
    public uint Ttl { get; }

    public IReadOnlyList<DnsResourceRecord> Records => _records;

    /// <summary>Values in Route 53's text form, duplicates removed.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>Comparison keys, one per value, no duplicates.</summary>
    public IReadOnlyList<string> Keys => _keys;

    public void Add(DnsResourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        // Most values hold no upper-case letter at all; then the text is its own key and one format is enough.
        var text = RDataFormatter.Format(record.Type, record.Data);
        var key = HasUpperAscii(text) ? RDataFormatter.Format(record.Type, record.Data, lowercaseNames: true) : text;
        if (!ContainsKey(key))
        {
            _keys.Add(key);
            _keyIndex?.Add(key);
            _records.Add(record);
            _values.Add(Route53.Route53Text.ValueFromPresentation(text));
        }
    }

    // Most RRsets hold one or a few records: a list scan, and an index only once the set grows.
    private bool ContainsKey(string key)
    {
        if (_keyIndex is null && _keys.Count >= 8)
        {
            _keyIndex = new HashSet<string>(_keys, StringComparer.Ordinal);
        }

        return _keyIndex?.Contains(key) ?? _keys.Contains(key, StringComparer.Ordinal);
    }

    private static bool HasUpperAscii(string text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return true;
            }
        }

        return false;
    }
}

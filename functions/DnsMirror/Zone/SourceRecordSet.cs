using DnsMirror.Wire;

namespace DnsMirror.Zone;

/// <summary>
/// One RRset of the source zone: every RR with the same owner (case-insensitive) and type. Values are kept
/// twice: as Route 53 text for writing, and as comparison keys (names folded to lower case).
/// </summary>
public sealed class SourceRecordSet
{
    // Most RRsets of a zone hold one record: it lives in fields, and lists exist only from the second on.
    private readonly DnsResourceRecord _firstRecord;
    private readonly string _firstValue;
    private readonly string _firstKey;
    private List<DnsResourceRecord>? _records;
    private List<string>? _values;
    private List<string>? _keys;
    private HashSet<string>? _keyIndex;

    public SourceRecordSet(DnsResourceRecord first)
    {
        ArgumentNullException.ThrowIfNull(first);
        Name = first.Name;
        Type = first.Type;
        Ttl = first.Ttl;
        _firstRecord = first;
        (_firstValue, _firstKey) = TextAndKey(first);
    }

    /// <summary>Owner name as the first RR spelled it.</summary>
    public string Name { get; }

    public DnsRecordType Type { get; }

    /// <summary>TTL of the first RR; RFC 2181 §5.2 wants one TTL per RRset, so that is the set's.</summary>
    public uint Ttl { get; }

    /// <summary>Distinct values (duplicates removed).</summary>
    public int Count => _keys?.Count ?? 1;

    public IReadOnlyList<DnsResourceRecord> Records => _records ??= [_firstRecord];

    /// <summary>Values in Route 53's text form, duplicates removed.</summary>
    public IReadOnlyList<string> Values => _values ??= [_firstValue];

    /// <summary>Comparison keys, one per value, no duplicates.</summary>
    public IReadOnlyList<string> Keys => _keys ??= [_firstKey];

    /// <summary>The value at <paramref name="index"/> in Route 53's text form, without building the list.</summary>
    public string ValueAt(int index) => index == 0 ? _firstValue : Values[index];

    /// <summary>The comparison key at <paramref name="index"/>, without building the list.</summary>
    public string KeyAt(int index) => index == 0 ? _firstKey : Keys[index];

    public void Add(DnsResourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (value, key) = TextAndKey(record);
        if (!ContainsKey(key))
        {
            _ = Records;
            _ = Values;
            _ = Keys;
            _keys!.Add(key);
            _keyIndex?.Add(key);
            _records!.Add(record);
            _values!.Add(value);
        }
    }

    // Most values hold no upper-case letter at all; then the text is its own key and one format is enough.
    private static (string Value, string Key) TextAndKey(DnsResourceRecord record)
    {
        var text = RDataFormatter.Format(record.Type, record.Data);
        var key = HasUpperAscii(text) ? RDataFormatter.Format(record.Type, record.Data, lowercaseNames: true) : text;
        return (Route53.Route53Text.ValueFromPresentation(text), key);
    }

    // Most RRsets hold one or a few records: a list scan, and an index only once the set grows.
    private bool ContainsKey(string key)
    {
        if (_keys is null)
        {
            return string.Equals(_firstKey, key, StringComparison.Ordinal);
        }

        if (_keyIndex is null && _keys.Count >= 8)
        {
            _keyIndex = new HashSet<string>(_keys, StringComparer.Ordinal);
        }

        return _keyIndex?.Contains(key) ?? _keys.Contains(key, StringComparer.Ordinal);
    }

    private static bool HasUpperAscii(string text) => text.AsSpan().ContainsAnyInRange('A', 'Z');
}

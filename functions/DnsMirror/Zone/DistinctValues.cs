using DnsMirror.Route53;
using DnsMirror.Wire;

namespace DnsMirror.Zone;

/// <summary>
/// The RRs of one set with duplicates removed by comparison key, first seen kept, each with its Route 53 text
/// and its key.
/// </summary>
internal sealed class DistinctValues
{
    private readonly List<DnsResourceRecord> _records = [];
    private readonly List<string> _values = [];
    private readonly List<string> _keys = [];
    private HashSet<string>? _keyIndex;

    public IReadOnlyList<DnsResourceRecord> Records => _records;

    public IReadOnlyList<string> Values => _values;

    public IReadOnlyList<string> Keys => _keys;

    public static DistinctValues Of(DnsResourceRecord first, IReadOnlyList<DnsResourceRecord>? later)
    {
        var distinct = new DistinctValues();
        distinct.Add(first);
        if (later is not null)
        {
            foreach (var record in later)
            {
                distinct.Add(record);
            }
        }

        return distinct;
    }

    public void Add(DnsResourceRecord record)
    {
        var (value, key) = TextAndKey(record);
        if (!ContainsKey(key))
        {
            _records.Add(record);
            _values.Add(value);
            _keys.Add(key);
            _keyIndex?.Add(key);
        }
    }

    // Most values hold no upper-case letter at all; then the text is its own key and one format is enough.
    private static (string Value, string Key) TextAndKey(DnsResourceRecord record)
    {
        var text = RDataFormatter.Format(record.Type, record.Data);
        var key = text.AsSpan().ContainsAnyInRange('A', 'Z') ? RDataFormatter.Format(record.Type, record.Data, lowercaseNames: true) : text;
        return (Route53Text.ValueFromPresentation(text), key);
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
}

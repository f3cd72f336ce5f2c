using DnsMirror.Wire;

namespace DnsMirror.Zone;

/// <summary>
/// One RRset of the source zone: every RR with the same owner (case-insensitive) and type. Values are kept
/// twice: as Route 53 text for writing, and as comparison keys (names folded to lower case).
/// </summary>
public sealed class SourceRecordSet
{
    private readonly List<DnsResourceRecord> _records = [];
    private readonly List<string> _values = [];
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

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

    public IReadOnlySet<string> Keys => _keys;

    public void Add(DnsResourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var key = RDataFormatter.Format(record.Type, record.Data, lowercaseNames: true);
        if (_keys.Add(key))
        {
            _records.Add(record);
            _values.Add(Route53.Route53Text.ValueFromPresentation(RDataFormatter.Format(record.Type, record.Data)));
        }
    }
}

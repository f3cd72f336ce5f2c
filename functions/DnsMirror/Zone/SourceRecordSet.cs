using DnsMirror.Wire;

namespace DnsMirror.Zone;

/// <summary>
/// One RRset of the source zone: every RR with the same owner (case-insensitive) and type. Values are kept
/// twice: as Route 53 text for writing, and as comparison keys (names folded to lower case). Both are built
/// on first use: a diff compares most sets without them (see <see cref="TransferredCount"/>), and a string
/// per RR of a large zone was most of what a diff allocated.
/// </summary>
internal sealed class SourceRecordSet
{
    // Most RRsets of a zone hold one record: it lives in a field, and a list exists only from the second on.
    private readonly DnsResourceRecord _firstRecord;
    private List<DnsResourceRecord>? _laterRecords;
    private DistinctValues? _distinct;

    public SourceRecordSet(DnsResourceRecord first)
    {
        ArgumentNullException.ThrowIfNull(first);
        _firstRecord = first;
    }

    /// <summary>Owner name as the first RR spelled it.</summary>
    public string Name => _firstRecord.Name;

    public DnsRecordType Type => _firstRecord.Type;

    /// <summary>TTL of the first RR; RFC 2181 §5.2 wants one TTL per RRset, so that is the set's.</summary>
    public uint Ttl => _firstRecord.Ttl;

    /// <summary>Distinct values (duplicates removed).</summary>
    public int Count => _laterRecords is null ? 1 : Distinct.Keys.Count;

    /// <summary>The RRs with distinct values, in the order they were added.</summary>
    public IReadOnlyList<DnsResourceRecord> Records => Distinct.Records;

    /// <summary>Values in Route 53's text form, duplicates removed.</summary>
    public IReadOnlyList<string> Values => Distinct.Values;

    /// <summary>Comparison keys, one per value, no duplicates.</summary>
    public IReadOnlyList<string> Keys => Distinct.Keys;

    /// <summary>
    /// Every RR as added, duplicates included: a set of one needs no duplicate check, so its value can be
    /// compared straight from the RDATA.
    /// </summary>
    internal int TransferredCount => 1 + (_laterRecords?.Count ?? 0);

    /// <summary>The RR at <paramref name="index"/> of those added, duplicates included.</summary>
    internal DnsResourceRecord TransferredAt(int index) => index == 0 ? _firstRecord : _laterRecords![index - 1];

    /// <summary>The value at <paramref name="index"/> in Route 53's text form.</summary>
    public string ValueAt(int index) => Values[index];

    /// <summary>The comparison key at <paramref name="index"/>.</summary>
    public string KeyAt(int index) => Keys[index];

    public void Add(DnsResourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        (_laterRecords ??= []).Add(record);
        _distinct?.Add(record);
    }

    private DistinctValues Distinct => _distinct ??= DistinctValues.Of(_firstRecord, _laterRecords);
}

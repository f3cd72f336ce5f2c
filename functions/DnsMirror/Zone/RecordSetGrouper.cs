using DnsMirror.Wire;

namespace DnsMirror.Zone;

/// <summary>Groups a transfer's RRs into RRsets keyed by lower-case owner and type, in first-seen order.</summary>
public static class RecordSetGrouper
{
    public static Dictionary<(string Name, DnsRecordType Type), SourceRecordSet> Group(IEnumerable<DnsResourceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sets = new Dictionary<(string, DnsRecordType), SourceRecordSet>();
        foreach (var record in records)
        {
            if (record.Class != DnsClass.Internet)
            {
                continue;
            }

            var key = (record.Name.ToLowerInvariant(), record.Type);
            if (!sets.TryGetValue(key, out var set))
            {
                set = new SourceRecordSet(record.Name, record.Type, record.Ttl);
                sets.Add(key, set);
            }

            set.Add(record);
        }

        return sets;
    }
}

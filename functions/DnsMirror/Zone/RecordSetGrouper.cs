using System.Runtime.InteropServices;
using DnsMirror.Wire;

namespace DnsMirror.Zone;

/// <summary>Groups a transfer's RRs into RRsets keyed by lower-case owner and type, in first-seen order.</summary>
internal static class RecordSetGrouper
{
    public static Dictionary<(string Name, DnsRecordType Type), SourceRecordSet> Group(IEnumerable<DnsResourceRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sets = new Dictionary<(string, DnsRecordType), SourceRecordSet>(records is ICollection<DnsResourceRecord> list ? list.Count : 0);
        // A transfer lists an owner's RRs together and the parser hands out one string per run of an owner:
        // the same reference as the last record means the same lower-case name, and often the same set.
        string? lastName = null, lastLower = null;
        SourceRecordSet? lastSet = null;
        foreach (var record in records)
        {
            if (record.Class != DnsClass.Internet)
            {
                continue;
            }

            if (lastSet is not null && ReferenceEquals(record.Name, lastName) && record.Type == lastSet.Type)
            {
                lastSet.Add(record);
                continue;
            }

            var lower = ReferenceEquals(record.Name, lastName) ? lastLower! : record.Name.ToLowerInvariant();
            ref var set = ref CollectionsMarshal.GetValueRefOrAddDefault(sets, (lower, record.Type), out var exists);
            if (exists)
            {
                set!.Add(record);
            }
            else
            {
                set = new SourceRecordSet(record);
            }

            (lastName, lastLower, lastSet) = (record.Name, lower, set);
        }

        return sets;
    }
}

using DnsMirror.Route53;
using DnsMirror.State;
using DnsMirror.Wire;
using DnsMirror.Zone;

namespace DnsMirror.Diff;

/// <summary>
/// The Route 53 changes of an incremental run, from the IXFR deltas alone: every record set a delta touched is
/// written whole from the new state (CREATE when it did not exist before, UPSERT when it did and its TTL or values
/// moved, DELETE with its old values when it is gone), the way <see cref="ZoneDiffer"/> groups a full comparison;
/// no listing. The hosted zone's SOA is the stored one with the new serial.
/// </summary>
internal static class IncrementalDiffer
{
    /// <param name="zone">The state after the deltas were applied.</param>
    /// <param name="before">Each touched set's records before the deltas (null: it did not exist), from <see cref="MirroredZone.Apply"/>.</param>
    /// <param name="managedBefore">Managed record sets before the deltas: the base of MaxDeletePercent.</param>
    public static ZoneDiff Diff(MirroredZone zone, IReadOnlyDictionary<(string Name, DnsRecordType Type), List<DnsResourceRecord>?> before, int managedBefore)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(before);
        var changes = new List<RecordSetChange>();
        var skipped = new List<SkippedRecordSet>();
        var unchanged = 0;
        foreach (var ((name, type), oldRecords) in before)
        {
            if (!zone.IsManaged(name, type))
            {
                if (!ZoneDiffer.Route53Types.Contains(type))
                {
                    skipped.Add(new SkippedRecordSet(name, DnsTypeNames.ToText(type), "type not supported by Route 53"));
                }

                continue;
            }

            var oldSet = Build(oldRecords);
            var newSet = Build(zone.Find(name, type));
            if (newSet is null && oldSet is null)
            {
                continue;
            }

            if (oldSet is null)
            {
                changes.Add(new RecordSetChange(ChangeAction.Create, Shape(newSet!)));
            }
            else if (newSet is null)
            {
                changes.Add(new RecordSetChange(ChangeAction.Delete, Shape(oldSet)));
            }
            else if (oldSet.Ttl == newSet.Ttl && new HashSet<string>(oldSet.Keys, StringComparer.Ordinal).SetEquals(newSet.Keys))
            {
                // Deleted and added back as it was (a TTL-only or no-op delta of another record of the set).
                unchanged++;
            }
            else
            {
                changes.Add(new RecordSetChange(ChangeAction.Upsert, Shape(newSet)));
            }
        }

        var serialChange = ZoneDiffer.SerialChange(zone.TargetSoa, zone.Serial);
        return new ZoneDiff(changes, serialChange, skipped, managedBefore, unchanged) { TargetSoa = zone.TargetSoa };
    }

    private static SourceRecordSet? Build(IReadOnlyList<DnsResourceRecord>? records)
    {
        SourceRecordSet? set = null;
        foreach (var record in records ?? [])
        {
            if (record.Class != DnsClass.Internet)
            {
                continue;
            }

            if (set is null)
            {
                set = new SourceRecordSet(record);
            }
            else
            {
                set.Add(record);
            }
        }

        return set;
    }

    private static HostedZoneRecordSet Shape(SourceRecordSet set) =>
        new(Route53Text.NameFromPresentation(set.Name), DnsTypeNames.ToText(set.Type), set.Ttl, set.Values);
}

using System.Globalization;
using DnsMirror.Route53;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Diff;

/// <summary>
/// Orders and packs a diff into as few ChangeResourceRecordSets requests as Route 53's limits allow, after
/// the safety checks: an incomplete transfer never deletes, an empty one (only the apex SOA and NS) is refused
/// unless forced, and a plan deleting more than MaxDeletePercent of the zone is refused unless forced.
/// </summary>
internal static class ZonePlanner
{
    public static ZonePlan Plan(ZoneDiff diff, ZoneSnapshot source, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Plan(diff, source.IsComplete, source.Serial, source.IsComplete && HasContentBeyondApex(source), options);
    }

    /// <summary>
    /// The same from what the checks need of the source: an incremental run answers them from its stored records'
    /// counts instead of listing every record into a snapshot.
    /// </summary>
    public static ZonePlan Plan(ZoneDiff diff, bool sourceComplete, uint sourceSerial, bool sourceHasContentBeyondApex, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(diff);
        options ??= new PlanOptions();
        var warnings = new List<string>();
        var changes = diff.Changes.ToList();

        var emptySource = sourceComplete && !sourceHasContentBeyondApex;
        if (!sourceComplete)
        {
            var dropped = changes.RemoveAll(c => c.Action == ChangeAction.Delete);
            if (dropped > 0)
            {
                warnings.Add($"source transfer is incomplete: {dropped} delete(s) withheld");
            }
        }
        else if (emptySource)
        {
            // Applying the rest (the serial above all) would make the target look mirrored while every delete
            // is held back; so nothing is applied, and the serial is not recorded, until Force says so.
            var withheld = changes.Count(c => c.Action == ChangeAction.Delete);
            if (!options.Force)
            {
                return new ZonePlan([], warnings, $"the transfer holds only the apex SOA and NS (serial {sourceSerial}): nothing applied, the {withheld} record set(s) it would delete kept; rerun with Force to mirror an empty zone", diff) { IsEmptySource = true };
            }

            warnings.Add($"source transfer is empty: {withheld} delete(s) applied because Force is set");
        }

        var deletes = changes.Count(c => c.Action == ChangeAction.Delete);
        var percent = diff.ManagedTargetRecordSets == 0 ? 0 : deletes * 100.0 / diff.ManagedTargetRecordSets;
        if (percent > options.MaxDeletePercent)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"plan deletes {deletes} of {diff.ManagedTargetRecordSets} record sets ({percent:F1} %), above MaxDeletePercent {options.MaxDeletePercent}");
            if (!options.Force)
            {
                return new ZonePlan([], warnings, text + "; rerun with Force to apply", diff);
            }

            warnings.Add(text + "; applied because Force is set");
        }

        var ordered = Order(changes);
        if (diff.SerialChange is not null)
        {
            ordered.Add(diff.SerialChange);
        }

        var batches = new List<ChangeBatch>();
        var current = new List<RecordSetChange>();
        int records = 0, characters = 0;
        foreach (var change in ordered)
        {
            if (change.ResourceRecordCount > options.MaxResourceRecordsPerBatch || change.ValueCharacters > options.MaxValueCharactersPerBatch)
            {
                return new ZonePlan([], warnings, $"{change.RecordSet.Name} {change.RecordSet.Type} alone exceeds one request's limits ({change.ResourceRecordCount} records, {change.ValueCharacters} characters)", diff);
            }

            if (current.Count > 0 && (records + change.ResourceRecordCount > options.MaxResourceRecordsPerBatch || characters + change.ValueCharacters > options.MaxValueCharactersPerBatch))
            {
                batches.Add(new ChangeBatch(current));
                current = [];
                records = characters = 0;
            }

            current.Add(change);
            records += change.ResourceRecordCount;
            characters += change.ValueCharacters;
        }

        if (current.Count > 0)
        {
            batches.Add(new ChangeBatch(current));
        }

        return new ZonePlan(batches, warnings, null, diff) { IsEmptySource = emptySource };
    }

    /// <summary>
    /// Deletes that would make a create fail (a CNAME must be alone at its name, RFC 1034 §3.6.2) go first,
    /// then creates and upserts, then the remaining deletes, so records disappear only after their
    /// replacements exist and no batch meets an existing or missing record.
    /// </summary>
    private static List<RecordSetChange> Order(List<RecordSetChange> changes)
    {
        var writes = changes.Where(c => c.Action != ChangeAction.Delete).ToList();
        var cnameNames = writes.Where(c => IsType(c, DnsRecordType.CNAME)).Select(Key).ToHashSet(StringComparer.Ordinal);
        var createNames = writes.Where(c => c.Action == ChangeAction.Create).Select(Key).ToHashSet(StringComparer.Ordinal);
        var deletes = changes.Where(c => c.Action == ChangeAction.Delete).ToList();
        var conflicting = deletes.Where(d => cnameNames.Contains(Key(d)) || (IsType(d, DnsRecordType.CNAME) && createNames.Contains(Key(d)))).ToList();
        var ordered = new List<RecordSetChange>(changes.Count + 1);
        ordered.AddRange(conflicting);
        ordered.AddRange(writes);
        ordered.AddRange(deletes.Except(conflicting));
        return ordered;
    }

    private static bool IsType(RecordSetChange change, DnsRecordType type) =>
        string.Equals(change.RecordSet.Type, DnsTypeNames.ToText(type), StringComparison.OrdinalIgnoreCase);

    private static string Key(RecordSetChange change) =>
        Route53Text.TryNameToKey(change.RecordSet.Name, out var key) ? key : change.RecordSet.Name;

    private static bool HasContentBeyondApex(ZoneSnapshot source) =>
        source.Records.Any(r => !(r.Type is DnsRecordType.SOA or DnsRecordType.NS && string.Equals(r.Name, source.Origin, StringComparison.OrdinalIgnoreCase)));
}

using System.Buffers.Binary;
using System.Globalization;
using DnsMirror.Diff;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Rfc2136;

/// <summary>
/// Compares two transfers of the same zone RR by RR (owner and type case-insensitive, RDATA through its
/// canonical text). The target keeps its apex SOA and NS; DNSSEC records are the signer's business and
/// are skipped. The same safety rules as for Route 53 apply.
/// </summary>
internal static class Rfc2136Differ
{
    private static readonly HashSet<DnsRecordType> s_skippedTypes =
        [DnsRecordType.RRSIG, DnsRecordType.NSEC, DnsRecordType.NSEC3, DnsRecordType.NSEC3PARAM, DnsRecordType.DNSKEY, DnsRecordType.TSIG, DnsRecordType.OPT];

    public static Rfc2136Plan Plan(ZoneSnapshot source, ZoneSnapshot target, DiffOptions? diffOptions = null, PlanOptions? planOptions = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        diffOptions ??= new DiffOptions();
        planOptions ??= new PlanOptions();
        var skipped = new List<SkippedRecordSet>();
        var warnings = new List<string>();
        var sourceIndex = Index(source, skipped);
        var targetIndex = Index(target, null);

        var adds = new List<DnsResourceRecord>();
        foreach (var (key, record) in sourceIndex)
        {
            if (!targetIndex.TryGetValue(key, out var existing) || (!diffOptions.IgnoreTtl && existing.Ttl != record.Ttl))
            {
                adds.Add(record);
            }
        }

        var deletes = targetIndex.Where(pair => !sourceIndex.ContainsKey(pair.Key)).Select(pair => pair.Value).ToList();
        var emptySource = source.IsComplete && sourceIndex.Count == 0;
        if (!source.IsComplete && deletes.Count > 0)
        {
            warnings.Add($"source transfer is incomplete: {deletes.Count} delete(s) withheld");
            deletes.Clear();
        }
        else if (emptySource)
        {
            // As for Route 53: nothing at all (not even the serial) until Force says an empty zone is meant.
            if (!planOptions.Force)
            {
                return new Rfc2136Plan(source.Origin, [], [], null, skipped, warnings, $"the transfer holds only the apex SOA and NS (serial {source.Serial}): nothing applied, the {deletes.Count} record(s) it would delete kept; rerun with Force to mirror an empty zone", targetIndex.Count) { IsEmptySource = true };
            }

            warnings.Add($"source transfer is empty: {deletes.Count} delete(s) applied because Force is set");
        }

        var percent = targetIndex.Count == 0 ? 0 : deletes.Count * 100.0 / targetIndex.Count;
        if (percent > planOptions.MaxDeletePercent)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"plan deletes {deletes.Count} of {targetIndex.Count} records ({percent:F1} %), above MaxDeletePercent {planOptions.MaxDeletePercent}");
            if (!planOptions.Force)
            {
                return new Rfc2136Plan(source.Origin, [], [], null, skipped, warnings, text + "; rerun with Force to apply", targetIndex.Count);
            }

            warnings.Add(text + "; applied because Force is set");
        }

        return new Rfc2136Plan(source.Origin, deletes, adds, SerialRecord(target, source.Serial), skipped, warnings, null, targetIndex.Count) { IsEmptySource = emptySource };
    }

    private static Dictionary<(string, DnsRecordType, string), DnsResourceRecord> Index(ZoneSnapshot zone, List<SkippedRecordSet>? skipped)
    {
        var index = new Dictionary<(string, DnsRecordType, string), DnsResourceRecord>();
        var apex = zone.Origin.ToLowerInvariant();
        foreach (var record in zone.Records)
        {
            var name = record.Name.ToLowerInvariant();
            if (record.Class != DnsClass.Internet || (name == apex && record.Type is DnsRecordType.SOA or DnsRecordType.NS))
            {
                continue;
            }

            if (s_skippedTypes.Contains(record.Type))
            {
                skipped?.Add(new SkippedRecordSet(record.Name, DnsTypeNames.ToText(record.Type), "DNSSEC data is left to the target's signer"));
                continue;
            }

            index.TryAdd((name, record.Type, RDataFormatter.Format(record.Type, record.Data, lowercaseNames: true)), record);
        }

        return index;
    }

    /// <summary>The target's SOA with the source serial; null when it already has it or is newer (RFC 1982).</summary>
    private static DnsResourceRecord? SerialRecord(ZoneSnapshot target, uint serial)
    {
        var soa = target.Soa;
        if (soa is null || !SerialNumber.IsNewer(serial, target.Serial))
        {
            return null;
        }

        var data = (byte[])soa.Data.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(data.Length - 20), serial);
        return new DnsResourceRecord(soa.Name, DnsRecordType.SOA, soa.Class, soa.Ttl, data);
    }
}

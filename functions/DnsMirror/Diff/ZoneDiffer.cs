using System.Globalization;
using DnsMirror.Route53;
using DnsMirror.Transfer;
using DnsMirror.Wire;
using DnsMirror.Zone;

namespace DnsMirror.Diff;

/// <summary>
/// Compares a transferred zone with a Route 53 hosted zone. Names compare case-insensitively and fully
/// qualified; values through canonical keys. The apex SOA and NS belong to Route 53 (only the serial is
/// mirrored, last); alias and routing-policy record sets are reported and left alone.
/// </summary>
internal static class ZoneDiffer
{
    /// <summary>The types Route 53 accepts in ChangeResourceRecordSets.</summary>
    public static readonly IReadOnlySet<DnsRecordType> Route53Types = new HashSet<DnsRecordType>
    {
        DnsRecordType.A, DnsRecordType.AAAA, DnsRecordType.CAA, DnsRecordType.CNAME, DnsRecordType.DS, DnsRecordType.HTTPS,
        DnsRecordType.MX, DnsRecordType.NAPTR, DnsRecordType.NS, DnsRecordType.PTR, DnsRecordType.SOA, DnsRecordType.SPF,
        DnsRecordType.SRV, DnsRecordType.SSHFP, DnsRecordType.SVCB, DnsRecordType.TLSA, DnsRecordType.TXT,
    };

    public static ZoneDiff Diff(ZoneSnapshot source, IReadOnlyList<HostedZoneRecordSet> target, DiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        options ??= new DiffOptions();
        var apex = source.Origin.ToLowerInvariant();
        var skipped = new List<SkippedRecordSet>();
        var targetIndex = IndexTarget(target, apex, skipped, out var blockedNames, out var targetSoa);
        var managed = targetIndex.Count;
        var changes = new List<RecordSetChange>();
        var unchanged = 0;
        var verbatim = new VerbatimValueMatcher();

        foreach (var ((name, type), set) in RecordSetGrouper.Group(source.Records))
        {
            if (!Route53Types.Contains(type))
            {
                skipped.Add(new SkippedRecordSet(set.Name, DnsTypeNames.ToText(type), "type not supported by Route 53"));
                continue;
            }

            if (name == apex && type is DnsRecordType.SOA or DnsRecordType.NS)
            {
                continue;
            }

            if (blockedNames.Count > 0 && IsBlocked(blockedNames, name, type))
            {
                skipped.Add(new SkippedRecordSet(set.Name, DnsTypeNames.ToText(type), "hosted zone has an alias or routing-policy record set here; not mirrored"));
                continue;
            }

            // Matched target sets leave the index; what stays there at the end is deleted.
            if (!targetIndex.Remove((name, type), out var existing))
            {
                changes.Add(new RecordSetChange(ChangeAction.Create, new HostedZoneRecordSet(Route53Text.NameFromPresentation(set.Name), DnsTypeNames.ToText(type), set.Ttl, set.Values)));
                continue;
            }

            // A TTL that differs is an UPSERT whatever the values: no need to compare them.
            var sameTtl = options.IgnoreTtl || existing.Ttl == set.Ttl;
            if (sameTtl && (verbatim.ListedVerbatim(set, existing.Values) || SameValues(set, existing)))
            {
                unchanged++;
                continue;
            }

            var ttl = options.IgnoreTtl ? existing.Ttl ?? set.Ttl : set.Ttl;
            changes.Add(new RecordSetChange(ChangeAction.Upsert, existing with { Ttl = ttl, Values = set.Values }));
        }

        foreach (var existing in targetIndex.Values)
        {
            changes.Add(new RecordSetChange(ChangeAction.Delete, existing));
        }

        return new ZoneDiff(changes, SerialChange(targetSoa, source.Serial), skipped, managed, unchanged) { TargetSoa = targetSoa };
    }

    private static Dictionary<(string, DnsRecordType), HostedZoneRecordSet> IndexTarget(
        IReadOnlyList<HostedZoneRecordSet> target, string apex, List<SkippedRecordSet> skipped,
        out HashSet<(string Name, DnsRecordType Type)> blockedNames, out HostedZoneRecordSet? targetSoa)
    {
        var index = new Dictionary<(string, DnsRecordType), HostedZoneRecordSet>(target.Count);
        blockedNames = [];
        targetSoa = null;
        foreach (var set in target)
        {
            if (!Route53Text.TryNameToKey(set.Name, out var name) || !DnsTypeNames.TryParse(set.Type, out var type))
            {
                skipped.Add(new SkippedRecordSet(set.Name, set.Type, "name or type not understood; left alone"));
                continue;
            }

            if (!DomainNameText.IsAtOrBelow(name, apex))
            {
                continue;
            }

            if (set.IsAlias || set.SetIdentifier is not null)
            {
                blockedNames.Add((name, type));
                skipped.Add(new SkippedRecordSet(set.Name, set.Type, set.IsAlias ? "alias record set; left alone" : $"routing policy (SetIdentifier {set.SetIdentifier}); left alone"));
                continue;
            }

            if (name == apex && type == DnsRecordType.SOA)
            {
                targetSoa = set;
                continue;
            }

            if (name == apex && type == DnsRecordType.NS)
            {
                continue;
            }

            index[(name, type)] = set;
        }

        return index;
    }

    /// <summary>
    /// An alias or routing-policy set of the name and type is left alone, and a CNAME may not join any set of
    /// its name. (A loop, not a lambda: a lambda would capture the loop's name, one closure per record set.)
    /// </summary>
    private static bool IsBlocked(HashSet<(string Name, DnsRecordType Type)> blockedNames, string name, DnsRecordType type)
    {
        if (blockedNames.Contains((name, type)))
        {
            return true;
        }

        if (type == DnsRecordType.CNAME)
        {
            foreach (var blocked in blockedNames)
            {
                if (blocked.Name == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool SameValues(SourceRecordSet source, HostedZoneRecordSet target)
    {
        var count = source.Count;
        if (target.Values.Count != count)
        {
            return false;
        }

        // What the verbatim matcher leaves to this path (escapes, upper case in a set of several, duplicate RRs):
        // equal Route 53 text is an equal value, with no parse at all.
        if (SameText(source, target.Values))
        {
            return true;
        }

        if (count == 1)
        {
            return Route53ValueNormalizer.TryNormalize(source.Type, target.Values[0], out var only) && only == source.KeyAt(0);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in target.Values)
        {
            if (!Route53ValueNormalizer.TryNormalize(source.Type, value, out var key))
            {
                return false;
            }

            keys.Add(key);
        }

        return keys.SetEquals(source.Keys);
    }

    /// <summary>Same values as text, in any order (each side's values are distinct on the source; checked both ways for the target).</summary>
    private static bool SameText(SourceRecordSet source, IReadOnlyList<string> target)
    {
        var count = source.Count;
        if (count == 1)
        {
            return string.Equals(source.ValueAt(0), target[0], StringComparison.Ordinal);
        }

        for (var i = 0; i < count; i++)
        {
            if (!Contains(target, source.ValueAt(i)) || !Contains(source.Values, target[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The hosted zone's own SOA with only the serial replaced by the source's.</summary>
    internal static RecordSetChange? SerialChange(HostedZoneRecordSet? targetSoa, uint serial)
    {
        if (targetSoa is null || targetSoa.Values.Count != 1)
        {
            return null;
        }

        var fields = targetSoa.Values[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var text = serial.ToString(CultureInfo.InvariantCulture);
        if (fields.Length != 7 || fields[2] == text)
        {
            return null;
        }

        fields[2] = text;
        return new RecordSetChange(ChangeAction.Upsert, targetSoa with { Values = [string.Join(' ', fields)] });
    }
}

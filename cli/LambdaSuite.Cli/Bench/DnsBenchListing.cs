using System.Globalization;
using DnsMirror.Route53;

namespace LambdaSuite.Cli.Bench;

/// <summary>
/// The hosted zone the bench mirrors into, written the way ListResourceRecordSets returns it (lower-case absolute
/// names, <c>\052</c> for a leading <c>*</c>, Route 53's own apex SOA and NS), built from the generated zone with
/// <see cref="Percent"/> % of its record sets disturbed: a third changed (UPSERT), a third missing (CREATE) and as
/// many stale ones added (DELETE).
/// </summary>
internal sealed record DnsBenchListing(IReadOnlyList<HostedZoneRecordSet> Sets, double Percent, int Changed, int Missing, int Stale)
{
    public static DnsBenchListing Create(DnsBenchZone zone, int seed, double percent)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        var sets = new List<HostedZoneRecordSet>
        {
            new(zone.Origin, "SOA", 900, ["ns-1.awsdns-01.org. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"]),
            new(zone.Origin, "NS", 172800, ["ns-1.awsdns-01.org.", "ns-2.awsdns-02.co.uk.", "ns-3.awsdns-03.net.", "ns-4.awsdns-04.com."]),
        };
        foreach (var group in Group(zone))
        {
            sets.Add(group);
        }

        var random = new Random(seed ^ 0x5eed);
        var disturb = (int)Math.Round((sets.Count - 2) * percent / 100);
        var third = disturb / 3;
        var picked = new HashSet<int>();
        while (picked.Count < Math.Min(disturb - third, sets.Count - 2))
        {
            picked.Add(2 + random.Next(sets.Count - 2));
        }

        var order = picked.Order().ToArray();
        var changed = 0;
        var missing = new HashSet<int>();
        for (var k = 0; k < order.Length; k++)
        {
            if (k % 2 == 0)
            {
                sets[order[k]] = WithNewValue(sets[order[k]], k);
                changed++;
            }
            else
            {
                missing.Add(order[k]);
            }
        }

        var result = sets.Where((_, index) => !missing.Contains(index)).ToList();
        for (var k = 0; k < third; k++)
        {
            result.Add(new HostedZoneRecordSet("stale-" + k.ToString(CultureInfo.InvariantCulture) + "." + zone.Origin, "A", 300, ["198.51.100." + (1 + (k % 254)).ToString(CultureInfo.InvariantCulture)]));
        }

        return new DnsBenchListing(result, percent, changed, missing.Count, third);
    }

    /// <summary>Route 53's spelling of a presentation owner: lower case; a leading <c>*</c> label as <c>\052</c>.</summary>
    public static string Route53Name(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        return lower.StartsWith("*.", StringComparison.Ordinal) ? @"\052" + lower[1..] : lower;
    }

    private static IEnumerable<HostedZoneRecordSet> Group(DnsBenchZone zone)
    {
        var index = new Dictionary<(string, string), int>();
        var groups = new List<(string Name, string Type, uint Ttl, List<string> Values)>();
        foreach (var record in zone.Records)
        {
            var name = Route53Name(record.Name);
            if (name == zone.Origin && record.Type is "SOA" or "NS")
            {
                continue;
            }

            if (!index.TryGetValue((name, record.Type), out var at))
            {
                index.Add((name, record.Type), at = groups.Count);
                groups.Add((name, record.Type, record.Ttl, []));
            }

            groups[at].Values.Add(record.Value);
        }

        return groups.Select(g => new HostedZoneRecordSet(g.Name, g.Type, g.Ttl, g.Values));
    }

    private static HostedZoneRecordSet WithNewValue(HostedZoneRecordSet set, int k)
    {
        var n = k.ToString(CultureInfo.InvariantCulture);
        var value = set.Type switch
        {
            "A" => "198.51.100." + (1 + (k % 254)).ToString(CultureInfo.InvariantCulture),
            "AAAA" => "2001:db8:ffff::" + (1 + k).ToString("x", CultureInfo.InvariantCulture),
            "CNAME" => "moved-" + n + ".example.net.",
            "MX" => "30 mx-moved-" + n + ".example.net.",
            "TXT" => "\"changed " + n + "\"",
            "SRV" => "5 5 5060 sip-moved-" + n + ".example.net.",
            "NS" => "ns-moved-" + n + ".example.net.",
            _ => set.Values[0],
        };
        return set with { Values = [value, .. set.Values.Skip(1)] };
    }
}

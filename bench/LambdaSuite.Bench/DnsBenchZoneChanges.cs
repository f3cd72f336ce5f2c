using System.Globalization;

namespace LambdaSuite.Bench;

/// <summary>
/// A change on the primary for the incremental case: a share of the generated zone's host addresses (A records of
/// host-, Host- and dual- owners) changed, deleted or joined by new hosts, by turns, reproducibly for a seed, and
/// the SOA serial set. Cumulative: each round changes the previous round's zone.
/// </summary>
internal static class DnsBenchZoneChanges
{
    public static DnsBenchZone Apply(DnsBenchZone zone, int seed, double percent, uint serial, out int changes)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var records = zone.Records;
        changes = Math.Max(1, (int)(records.Count * percent / 100));
        var candidates = new List<int>();
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Type == "A" && (records[i].Name.StartsWith("host-", StringComparison.Ordinal) || records[i].Name.StartsWith("Host-", StringComparison.Ordinal) || records[i].Name.StartsWith("dual-", StringComparison.Ordinal)))
            {
                candidates.Add(i);
            }
        }

        var random = new Random(seed);
        var picked = new Dictionary<int, int>();
        var touched = Math.Min(candidates.Count, changes - (changes / 3));
        while (picked.Count < touched)
        {
            picked.TryAdd(candidates[random.Next(candidates.Count)], picked.Count);
        }

        var result = new List<DnsBenchRecord>(records.Count + changes)
        {
            records[0] with { Value = string.Create(CultureInfo.InvariantCulture, $"ns1.{zone.Origin} hostmaster.{zone.Origin} {serial} 3600 600 1209600 300") },
        };
        for (var i = 1; i < records.Count; i++)
        {
            if (!picked.TryGetValue(i, out var turn))
            {
                result.Add(records[i]);
            }
            else if (turn % 2 == 0)
            {
                // A new address, kept distinct from the generator's 10/8 so it cannot collide with a set's other record.
                result.Add(records[i] with { Value = string.Create(CultureInfo.InvariantCulture, $"172.{16 + random.Next(16)}.{random.Next(256)}.{1 + random.Next(254)}") });
            }

            // Odd turns: the record is deleted.
        }

        for (var k = touched; k < changes; k++)
        {
            result.Add(new DnsBenchRecord(string.Create(CultureInfo.InvariantCulture, $"new-{serial}-{k}.{zone.Origin}"), "A", 300, string.Create(CultureInfo.InvariantCulture, $"198.51.100.{1 + (k % 254)}")));
        }

        return DnsBenchZone.Of(zone.Origin, result);
    }
}

using LambdaSuite.Bench;

namespace Bench.Tests;

public sealed class DnsBenchZoneChangesTests
{
    [Fact]
    public void Apply_OnePercent_ChangesThatManyRecordsAndSetsTheSerial()
    {
        var zone = DnsBenchZone.Generate(seed: 7, size: 20_000);

        var changed = DnsBenchZoneChanges.Apply(zone, seed: 1, percent: 1, serial: 2026112202, out var changes);

        var before = zone.Records.Skip(1).Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var after = changed.Records.Skip(1).Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal);
        var removed = before.Except(after).Count();
        var added = after.Except(before).Count();
        // 200 changes: 134 host addresses picked (67 given a new address, 67 deleted) and 66 new hosts.
        Assert.Equal(200, changes);
        Assert.Equal((134, 133), (removed, added));
        Assert.Equal(zone.Records.Count - 67 + 66, changed.Records.Count);
        Assert.Contains(" 2026112202 ", changed.Records[0].Value, StringComparison.Ordinal);
    }
}

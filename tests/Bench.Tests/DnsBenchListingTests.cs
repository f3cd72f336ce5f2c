using LambdaSuite.Bench;

namespace Bench.Tests;

public sealed class DnsBenchListingTests
{
    [Theory]
    [InlineData("*.Wild.bench.test.", @"\052.wild.bench.test.")]
    [InlineData("Host-1.bench.test.", "host-1.bench.test.")]
    [InlineData("a.*.bench.test.", "a.*.bench.test.")]
    public void Route53Name_PresentationName_AsRoute53ListsIt(string name, string expected)
    {
        Assert.Equal(expected, DnsBenchListing.Route53Name(name));
    }

    [Fact]
    public void Create_NoDisturbance_OneSetPerOwnerAndTypeWithRoute53Apex()
    {
        var zone = DnsBenchZone.Generate(seed: 3, size: 3000);

        var listing = DnsBenchListing.Create(zone, seed: 3, percent: 0);

        var expected = zone.Records.Select(r => (DnsBenchListing.Route53Name(r.Name), r.Type)).Distinct().Count();
        Assert.Equal(expected, listing.Sets.Count);
        Assert.Equal(listing.Sets.Sum(s => s.Values.Count), zone.Records.Count - 3 + 1 + 4);
        Assert.Contains(listing.Sets, s => s.Name == zone.Origin && s.Type == "SOA" && s.Values[0].StartsWith("ns-1.awsdns", StringComparison.Ordinal));
        Assert.Contains(listing.Sets, s => s.Name.StartsWith(@"\052.", StringComparison.Ordinal));
        Assert.Equal((0, 0, 0), (listing.Changed, listing.Missing, listing.Stale));
    }

    [Fact]
    public void Create_OnePercent_ThirdsChangedMissingStale()
    {
        var zone = DnsBenchZone.Generate(seed: 3, size: 30000);
        var whole = DnsBenchListing.Create(zone, seed: 3, percent: 0);

        var listing = DnsBenchListing.Create(zone, seed: 3, percent: 1);

        var disturbed = listing.Changed + listing.Missing + listing.Stale;
        Assert.InRange(disturbed, (whole.Sets.Count - 2) / 100 - 1, (whole.Sets.Count - 2) / 100 + 1);
        Assert.InRange(listing.Changed - listing.Stale, -1, 1);
        Assert.Equal(whole.Sets.Count - listing.Missing + listing.Stale, listing.Sets.Count);
        var before = whole.Sets.Select(Text).ToHashSet();
        var changed = listing.Sets.Count(s => !before.Contains(Text(s)) && !s.Name.StartsWith("stale-", StringComparison.Ordinal));
        Assert.Equal(listing.Changed, changed);
    }

    private static string Text(DnsMirror.Route53.HostedZoneRecordSet set) => $"{set.Name} {set.Type} {set.Ttl} {string.Join('|', set.Values)}";
}

using DnsMirror.Diff;
using DnsMirror.Route53;
using DnsMirror.Tests.Route53;
using DnsMirror.Transfer;
using LambdaSuite.TestKit;

namespace DnsMirror.Tests.Diff;

/// <summary>The BIND zone mirrored into a fake hosted zone, then compared again: nothing may be left to change.</summary>
[Trait("Category", "Integration")]
public sealed class Route53RoundTripIntegrationTests
{
    [Fact]
    public async Task SyncTwice_ExampleZone_SecondDiffIsEmpty()
    {
        var client = new ZoneTransferClient(new ZoneTransferOptions { Masters = DnsMaster.ParseList(LocalStack.DnsPrimary) });
        var source = await client.TransferAsync("example.test");
        var zone = new FakeHostedZone(
            "example.test.",
            new HostedZoneRecordSet("example.test.", "SOA", 900, ["ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"]),
            new HostedZoneRecordSet("example.test.", "NS", 172800, ["ns-1.awsdns-00.com.", "ns-2.awsdns-00.net."]));
        var first = ZonePlanner.Plan(ZoneDiffer.Diff(source, await zone.ListRecordSetsAsync(default)), source);

        await ZonePlanApplier.ApplyAsync(zone, first, dryRun: false, TextWriter.Null);
        var second = ZoneDiffer.Diff(source, await zone.ListRecordSetsAsync(default));

        Assert.Empty(second.Changes);
        Assert.Null(second.SerialChange);
        Assert.Equal(first.Diff.Changes.Count, second.UnchangedRecordSets);
        Assert.Equal("ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 2026112201 7200 900 1209600 86400", zone.Find("example.test.", "SOA")!.Values[0]);
        Assert.Equal(["ns-1.awsdns-00.com.", "ns-2.awsdns-00.net."], zone.Find("example.test.", "NS")!.Values);
        Assert.NotNull(zone.Find("*.example.test.", "A"));
        Assert.Equal(2, zone.Find("sub.example.test.", "NS")!.Values.Count);
    }
}

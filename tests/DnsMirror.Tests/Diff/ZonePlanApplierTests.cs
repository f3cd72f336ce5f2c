using DnsMirror.Diff;
using DnsMirror.Tests.Route53;
using DnsMirror.Tests.Support;
using static DnsMirror.Tests.Support.Zones;

namespace DnsMirror.Tests.Diff;

public sealed class ZonePlanApplierTests
{
    [Fact]
    public async Task ApplyAsync_DryRun_PrintsPlanAndChangesNothing()
    {
        var zone = new FakeHostedZone(Origin, Apex());
        var source = Snapshot(2, Rr.A("www.example.test.", "192.0.2.1"));
        var plan = ZonePlanner.Plan(ZoneDiffer.Diff(source, await zone.ListRecordSetsAsync(default)), source);
        var log = new StringWriter();

        var result = await ZonePlanApplier.ApplyAsync(zone, plan, dryRun: true, log);

        Assert.False(result.Applied);
        Assert.Empty(zone.Batches);
        Assert.Contains("CREATE www.example.test. A 300 [192.0.2.1]", log.ToString(), StringComparison.Ordinal);
        Assert.Contains("dry run", log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_SeveralBatches_SentInOrderAndLastAwaited()
    {
        var zone = new FakeHostedZone(Origin, Apex());
        var source = Snapshot(2, Enumerable.Range(0, 2500).Select(i => Rr.A($"n{i}.example.test.", "192.0.2.1")).ToArray());
        var plan = ZonePlanner.Plan(ZoneDiffer.Diff(source, await zone.ListRecordSetsAsync(default)), source);

        var result = await ZonePlanApplier.ApplyAsync(zone, plan, dryRun: false, TextWriter.Null);

        Assert.Equal(["C000001", "C000002", "C000003"], result.ChangeIds);
        Assert.Equal(["C000003"], zone.WaitedFor);
        Assert.Equal(2502, zone.Sets.Count);
    }

    [Fact]
    public async Task ApplyAsync_RefusedPlan_SendsNothing()
    {
        var zone = new FakeHostedZone(Origin, [.. Apex(), Set("a.example.test.", "A", 300, "192.0.2.1")]);
        var source = Snapshot(2, Rr.A("b.example.test.", "192.0.2.1"));
        var plan = ZonePlanner.Plan(ZoneDiffer.Diff(source, await zone.ListRecordSetsAsync(default)), source);

        var result = await ZonePlanApplier.ApplyAsync(zone, plan, dryRun: false, TextWriter.Null);

        Assert.True(plan.IsRefused);
        Assert.Empty(result.ChangeIds);
        Assert.Empty(zone.Batches);
    }
}

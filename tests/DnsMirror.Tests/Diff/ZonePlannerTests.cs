using DnsMirror.Diff;
using DnsMirror.Route53;
using DnsMirror.Tests.Route53;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;
using static DnsMirror.Tests.Support.Zones;

namespace DnsMirror.Tests.Diff;

public sealed class ZonePlannerTests
{
    private static HostedZoneRecordSet[] Targets(int count) =>
        [.. Apex(), .. Enumerable.Range(0, count).Select(i => Set($"h{i}.example.test.", "A", 300, "192.0.2.1"))];

    [Fact]
    public void Plan_DeletesAboveMaxPercent_RefusedUnlessForced()
    {
        var source = Snapshot(1, Enumerable.Range(0, 7).Select(i => Rr.A($"h{i}.example.test.", "192.0.2.1")).ToArray());
        var diff = ZoneDiffer.Diff(source, Targets(10));

        var refused = ZonePlanner.Plan(diff, source);
        var forced = ZonePlanner.Plan(diff, source, new PlanOptions { Force = true });

        Assert.True(refused.IsRefused);
        Assert.Empty(refused.Batches);
        Assert.Contains("3 of 10", refused.RefusalReason, StringComparison.Ordinal);
        Assert.False(forced.IsRefused);
        Assert.Equal(3, forced.Batches.Single().Changes.Count);
        Assert.Single(forced.Warnings);
    }

    [Fact]
    public void Plan_EmptyTransfer_RefusedUnlessForced()
    {
        var source = Snapshot(2);
        var diff = ZoneDiffer.Diff(source, Targets(10));

        var refused = ZonePlanner.Plan(diff, source);
        var forced = ZonePlanner.Plan(diff, source, new PlanOptions { Force = true });

        Assert.True(refused.IsRefused);
        Assert.True(refused.IsEmptySource);
        Assert.Empty(refused.Batches);
        Assert.Contains("only the apex SOA and NS", refused.RefusalReason, StringComparison.Ordinal);
        Assert.Contains("10 record set(s) it would delete", refused.RefusalReason, StringComparison.Ordinal);
        Assert.False(forced.IsRefused);
        Assert.True(forced.IsEmptySource);
        Assert.Equal(10, forced.Batches.SelectMany(b => b.Changes).Count(c => c.Action == ChangeAction.Delete));
        Assert.Equal("SOA", forced.Batches[^1].Changes[^1].RecordSet.Type);
    }

    [Fact]
    public void Plan_IncompleteTransfer_NeverDeletes()
    {
        var source = Snapshot(1, Rr.A("h0.example.test.", "192.0.2.1")) with { IsComplete = false };
        var diff = ZoneDiffer.Diff(source, Targets(2));

        var plan = ZonePlanner.Plan(diff, source, new PlanOptions { Force = true });

        Assert.True(plan.IsEmpty);
        Assert.Contains(plan.Warnings, w => w.Contains("incomplete", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_1500Creates_TwoBatchesWithinRecordLimit()
    {
        var source = Snapshot(1, Enumerable.Range(0, 1500).Select(i => Rr.A($"n{i}.example.test.", "192.0.2.1")).ToArray());

        var plan = ZonePlanner.Plan(ZoneDiffer.Diff(source, Apex()), source);

        Assert.Equal([1000, 500], plan.Batches.Select(b => b.ResourceRecordCount));
    }

    [Fact]
    public void Plan_Upserts_CountTwiceAgainstLimit()
    {
        var source = Snapshot(1, Enumerable.Range(0, 600).Select(i => Rr.A($"h{i}.example.test.", "192.0.2.2")).ToArray());

        var plan = ZonePlanner.Plan(ZoneDiffer.Diff(source, Targets(600)), source);

        Assert.Equal([500, 100], plan.Batches.Select(b => b.Changes.Count));
        Assert.All(plan.Batches, b => Assert.InRange(b.ResourceRecordCount, 1, 1000));
    }

    [Fact]
    public void Plan_LongValues_SplitAtCharacterLimit()
    {
        var text = new string('x', 250);
        var source = Snapshot(1, Enumerable.Range(0, 300).Select(i => Rr.Txt($"t{i}.example.test.", text)).ToArray());

        var plan = ZonePlanner.Plan(ZoneDiffer.Diff(source, Apex()), source);

        Assert.True(plan.Batches.Count >= 3);
        Assert.All(plan.Batches, b => Assert.InRange(b.ValueCharacters, 1, 32000));
        Assert.Equal(300, plan.Batches.Sum(b => b.Changes.Count));
    }

    [Fact]
    public async Task Plan_CnameReplacesAddressRecords_AppliesWithoutConflict()
    {
        var source = Snapshot(1, Rr.Name("www.example.test.", DnsRecordType.CNAME, "web.example.test."), Rr.A("web.example.test.", "192.0.2.1"), Rr.A("old.example.test.", "192.0.2.1"));
        HostedZoneRecordSet[] target = [.. Apex(), Set("www.example.test.", "A", 300, "192.0.2.1"), Set("www.example.test.", "AAAA", 300, "2001:db8::1"), Set("old.example.test.", "CNAME", 300, "x.example.test.")];
        var zone = new FakeHostedZone(Origin, target);
        var diff = ZoneDiffer.Diff(source, target);

        var plan = ZonePlanner.Plan(diff, source, new PlanOptions { Force = true });
        await ZonePlanApplier.ApplyAsync(zone, plan, dryRun: false, TextWriter.Null);

        var order = plan.Batches.Single().Changes.Select(c => $"{c.Action} {c.RecordSet.Name} {c.RecordSet.Type}").ToList();
        Assert.True(order.IndexOf("Delete www.example.test. A") < order.IndexOf("Create www.example.test. CNAME"));
        Assert.True(order.IndexOf("Delete old.example.test. CNAME") < order.IndexOf("Create old.example.test. A"));
        Assert.Equal(["web.example.test."], zone.Find("www.example.test.", "CNAME")!.Values);
        Assert.Null(zone.Find("www.example.test.", "AAAA"));
        Assert.Equal(["192.0.2.1"], zone.Find("old.example.test.", "A")!.Values);
    }

    [Fact]
    public void Plan_SerialChange_IsTheVeryLastChange()
    {
        var source = Snapshot(5, Enumerable.Range(0, 1200).Select(i => Rr.A($"n{i}.example.test.", "192.0.2.1")).ToArray());

        var plan = ZonePlanner.Plan(ZoneDiffer.Diff(source, Apex(serial: 4)), source);

        var last = plan.Batches[^1].Changes[^1];
        Assert.Equal("SOA", last.RecordSet.Type);
        Assert.Equal(ChangeAction.Upsert, last.Action);
    }

    [Fact]
    public void Plan_OneSetBeyondLimits_RefusedWithReason()
    {
        var source = Snapshot(1, Enumerable.Range(0, 1001).Select(i => Rr.A("big.example.test.", $"10.0.{i / 256}.{i % 256}")).ToArray());

        var plan = ZonePlanner.Plan(ZoneDiffer.Diff(source, Apex()), source);

        Assert.True(plan.IsRefused);
        Assert.Contains("big.example.test.", plan.RefusalReason, StringComparison.Ordinal);
    }
}

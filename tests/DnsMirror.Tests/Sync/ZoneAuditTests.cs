using DnsMirror.Diff;
using DnsMirror.Route53;
using DnsMirror.Sync;
using DnsMirror.Transfer;

namespace DnsMirror.Tests.Sync;

public sealed class ZoneAuditTests
{
    [Theory]
    [InlineData(2026120501u, 2026120500u)]
    [InlineData(0u, uint.MaxValue)]
    public void TransferFloor_KnownSerial_OneBelowInSerialArithmetic(uint known, uint expected)
    {
        var floor = ZoneAudit.TransferFloor(known);

        Assert.Equal(expected, floor);
        Assert.True(SerialNumber.IsNewer(known, floor!.Value), "the stored serial itself must pass the transfer check");
    }

    [Fact]
    public void TransferFloor_NothingStored_Null()
    {
        Assert.Null(ZoneAudit.TransferFloor(null));
    }

    [Theory]
    [InlineData(9u, "MasterBehind")]
    [InlineData(10u, "Unchanged")]
    public void RelabelBehind_UnchangedAgainstTheFloor_IsBehindUnlessItIsTheStoredSerial(uint master, string expected)
    {
        var report = new ZoneRunReport { Outcome = "Unchanged", MasterSerial = master };

        ZoneAudit.RelabelBehind(report, knownSerial: 10);

        Assert.Equal(expected, report.Outcome);
    }

    [Fact]
    public void Describe_PlanWithEachAction_CountsListsAndWritesOneLine()
    {
        var set = new HostedZoneRecordSet("a.example.test.", "A", 300, ["192.0.2.1"]);
        var diff = new ZoneDiff(
            [new(ChangeAction.Create, set), new(ChangeAction.Upsert, set with { Name = "b.example.test." }), new(ChangeAction.Delete, set with { Name = "c.example.test.", Type = "TXT" })],
            null, [], 10, 7);
        var plan = new ZonePlan([new ChangeBatch(diff.Changes)], [], null, diff);

        var report = ZoneAudit.Describe(new ZoneSyncResult(plan, ["C1"], DryRun: false), knownSerial: 5, masterSerial: 5);

        Assert.Equal((1, 1, 1, true, false), (report.Created, report.Updated, report.Deleted, report.Applied, report.SerialMoved));
        Assert.Equal("created 1, updated 1, deleted 1: CREATE a.example.test. A; UPSERT b.example.test. A; DELETE c.example.test. TXT", report.ToString());
    }

    [Fact]
    public void Describe_DryRun_ReportedNotApplied()
    {
        var diff = new ZoneDiff([new(ChangeAction.Delete, new HostedZoneRecordSet("x.example.test.", "A", 60, ["192.0.2.9"]))], null, [], 3, 2);
        var plan = new ZonePlan([new ChangeBatch(diff.Changes)], [], null, diff);

        var report = ZoneAudit.Describe(new ZoneSyncResult(plan, [], DryRun: true), knownSerial: 4, masterSerial: 6);

        Assert.Equal("created 0, updated 0, deleted 1 (not applied), the primary's serial moved since the last sync: DELETE x.example.test. A", report.ToString());
    }
}

using DnsMirror.Diff;
using DnsMirror.Rfc2136;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Rfc2136;

public sealed class Rfc2136DifferTests
{
    private static ZoneSnapshot Zone(uint serial, params DnsResourceRecord[] records) => Zones.Snapshot(serial, records);

    [Fact]
    public void Plan_AddedRemovedAndCaseOnlyDifferences_OnlyRealChanges()
    {
        var source = Zone(5, Rr.A("www.example.test.", "192.0.2.1"), Rr.Name("ftp.example.test.", DnsRecordType.CNAME, "WWW.example.test."));
        var target = Zone(1, Rr.A("WWW.example.test.", "192.0.2.1"), Rr.Name("ftp.example.test.", DnsRecordType.CNAME, "www.example.test."), Rr.A("old.example.test.", "192.0.2.9"));

        var plan = Rfc2136Differ.Plan(source, target, planOptions: new PlanOptions { Force = true });

        Assert.Empty(plan.Adds);
        Assert.Equal(["old.example.test."], plan.Deletes.Select(r => r.Name));
        Assert.NotNull(plan.SerialRecord);
    }

    [Fact]
    public void Plan_TargetSerialNewer_DoesNotMirrorSerial()
    {
        var plan = Rfc2136Differ.Plan(Zone(5), Zone(6));

        Assert.Null(plan.SerialRecord);
    }

    [Fact]
    public void Plan_EmptySource_RefusedUnlessForced()
    {
        var target = Zone(4, Rr.A("a.example.test.", "192.0.2.1"));

        var refused = Rfc2136Differ.Plan(Zone(5), target);
        var forced = Rfc2136Differ.Plan(Zone(5), target, planOptions: new PlanOptions { Force = true });

        Assert.True(refused.IsRefused);
        Assert.True(refused.IsEmptySource);
        Assert.Empty(refused.Deletes);
        Assert.Null(refused.SerialRecord);
        Assert.Contains("rerun with Force", refused.RefusalReason, StringComparison.Ordinal);
        Assert.False(forced.IsRefused);
        Assert.Single(forced.Deletes);
        Assert.NotNull(forced.SerialRecord);
    }

    [Fact]
    public void Plan_TooManyDeletes_Refused()
    {
        var plan = Rfc2136Differ.Plan(Zone(5, Rr.A("a.example.test.", "192.0.2.1")), Zone(4, Rr.A("a.example.test.", "192.0.2.1"), Rr.A("b.example.test.", "192.0.2.2")));

        Assert.True(plan.IsRefused);
        Assert.Empty(plan.Deletes);
    }
}

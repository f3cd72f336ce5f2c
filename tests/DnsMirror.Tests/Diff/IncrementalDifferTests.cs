using DnsMirror.Diff;
using DnsMirror.Route53;
using DnsMirror.State;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Diff;

public sealed class IncrementalDifferTests
{
    private const string Zone = "ix.test.";

    private static readonly HostedZoneRecordSet s_targetSoa = new(Zone, "SOA", 900, ["ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"]);

    [Fact]
    public void Diff_TouchedSets_CreateUpsertDeleteAndSerialLast()
    {
        var zone = MirroredZone.FromRecords(Zone, 1, s_targetSoa,
            [Rr.Soa(Zone, 1), Rr.Name(Zone, DnsRecordType.NS, "ns1.ix.test."), Rr.A("a.ix.test.", "192.0.2.1"), Rr.A("a.ix.test.", "192.0.2.2"), Rr.A("gone.ix.test.", "192.0.2.5"), Rr.A("same.ix.test.", "192.0.2.6")]);
        var managed = zone.ManagedSetCount();
        var before = zone.Apply([new ZoneDelta(1, 2, Rr.Soa(Zone, 2),
            [Rr.A("a.ix.test.", "192.0.2.1"), Rr.A("gone.ix.test.", "192.0.2.5"), Rr.A("same.ix.test.", "192.0.2.6"), Rr.Name(Zone, DnsRecordType.NS, "ns1.ix.test.")],
            [Rr.A("new.ix.test.", "192.0.2.7"), Rr.A("same.ix.test.", "192.0.2.6"), Rr.Name(Zone, DnsRecordType.NS, "ns2.ix.test.")])]);

        var diff = IncrementalDiffer.Diff(zone, before, managed);

        Assert.Equal(
            ["CREATE new.ix.test. A 300 [192.0.2.7]", "DELETE gone.ix.test. A 300 [192.0.2.5]", "UPSERT a.ix.test. A 300 [192.0.2.2]"],
            diff.Changes.Select(c => c.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal(1, diff.UnchangedRecordSets);
        Assert.Equal(3, diff.ManagedTargetRecordSets);
        Assert.Equal("UPSERT ix.test. SOA 900 [ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 2 7200 900 1209600 86400]", diff.SerialChange!.ToString());
    }

    [Fact]
    public void Diff_NoTargetSoaStored_NoSerialChange()
    {
        var zone = MirroredZone.FromRecords(Zone, 1, null, [Rr.Soa(Zone, 1)]);
        var before = zone.Apply([new ZoneDelta(1, 2, Rr.Soa(Zone, 2), [], [Rr.A("n.ix.test.", "192.0.2.7")])]);

        var diff = IncrementalDiffer.Diff(zone, before, 0);

        Assert.Null(diff.SerialChange);
        Assert.Single(diff.Changes);
    }
}

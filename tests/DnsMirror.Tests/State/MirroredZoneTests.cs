using DnsMirror.State;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Tests.State;

public sealed class MirroredZoneTests
{
    private const string Zone = "ix.test.";

    private static MirroredZone Stored(uint serial = 1) => MirroredZone.FromRecords(Zone, serial, null,
        [Rr.Soa(Zone, serial), Rr.Name(Zone, DnsRecordType.NS, "ns1.ix.test."), Rr.A("a.ix.test.", "192.0.2.1"), Rr.A("A.ix.test.", "192.0.2.2"), Rr.Txt("t.ix.test.", "x")]);

    private static ZoneDelta Delta(uint from, uint to, DnsResourceRecord[] deleted, DnsResourceRecord[] added) =>
        new(from, to, Rr.Soa(Zone, to), deleted, added);

    [Fact]
    public void Apply_DeleteAndAdd_ChangesSetsAndReportsTheirFormerRecords()
    {
        var zone = Stored();

        var before = zone.Apply([Delta(1, 2, [Rr.A("a.IX.test.", "192.0.2.1")], [Rr.A("b.ix.test.", "192.0.2.9")])]);

        Assert.Equal(2u, zone.Serial);
        Assert.Equal(["A.ix.test. 300 A 192.0.2.2"], zone.Find("a.ix.test.", DnsRecordType.A)!.Select(r => r.ToString()));
        Assert.Equal(2, before[("a.ix.test.", DnsRecordType.A)]!.Count);
        Assert.Null(before[("b.ix.test.", DnsRecordType.A)]);
        Assert.Equal(5, zone.RecordCount);
        Assert.Equal(2u, IxfrStreamReader.SerialOf(zone.Records().First()));
    }

    [Fact]
    public void Apply_DeletesRecordNotHeld_Conflict()
    {
        var zone = Stored();

        var error = Assert.Throws<ZoneDeltaConflictException>(() => zone.Apply([Delta(1, 2, [Rr.A("a.ix.test.", "192.0.2.77")], [])]));

        Assert.Contains("which the stored records do not hold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_AddsRecordHeld_Conflict()
    {
        var zone = Stored();

        var error = Assert.Throws<ZoneDeltaConflictException>(() => zone.Apply([Delta(1, 2, [], [Rr.Txt("t.ix.test.", "x")])]));

        Assert.Contains("already hold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_DeltaFromAnotherSerial_Conflict()
    {
        var zone = Stored(1);

        Assert.Throws<ZoneDeltaConflictException>(() => zone.Apply([Delta(4, 5, [], [])]));
    }

    [Fact]
    public void Apply_ChainAcrossSerialWrap_EndsAtWrappedSerial()
    {
        var zone = Stored(4294967295);

        zone.Apply([Delta(4294967295, 3, [], [Rr.A("c.ix.test.", "192.0.2.3")]), Delta(3, 4, [Rr.A("c.ix.test.", "192.0.2.3")], [])]);

        Assert.Equal(4u, zone.Serial);
        Assert.Null(zone.Find("c.ix.test.", DnsRecordType.A));
    }

    [Fact]
    public void ManagedSetCount_LeavesApexSoaAndNsOut()
    {
        var count = Stored().ManagedSetCount();

        Assert.Equal(2, count);
    }
}

using DnsMirror.State;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Tests.State;

public sealed class MirroredZoneTests
{
    private const string Zone = "ix.test.";

    private static readonly DnsResourceRecord[] s_records =
        [Rr.Soa(Zone, 1), Rr.Name(Zone, DnsRecordType.NS, "ns1.ix.test."), Rr.A("a.ix.test.", "192.0.2.1"), Rr.A("A.ix.test.", "192.0.2.2"), Rr.Txt("t.ix.test.", "x")];

    // Each test runs on the zone built from objects and on the same zone read back from its stored form (indexed bytes).
    private static MirroredZone Stored(bool storedForm, uint serial = 1)
    {
        DnsResourceRecord[] records = [Rr.Soa(Zone, serial), .. s_records[1..]];
        return storedForm
            ? MirroredZoneCodec.Decode(MirroredZoneCodec.Encode(Zone, serial, null, records, records.Length))
            : MirroredZone.FromRecords(Zone, serial, null, records);
    }

    private static ZoneDelta Delta(uint from, uint to, DnsResourceRecord[] deleted, DnsResourceRecord[] added) =>
        new(from, to, Rr.Soa(Zone, to), deleted, added);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Apply_DeleteAndAdd_ChangesSetsAndReportsTheirFormerRecords(bool storedForm)
    {
        var zone = Stored(storedForm);

        var before = zone.Apply([Delta(1, 2, [Rr.A("a.IX.test.", "192.0.2.1")], [Rr.A("b.ix.test.", "192.0.2.9")])]);

        Assert.Equal(2u, zone.Serial);
        Assert.Equal(["A.ix.test. 300 A 192.0.2.2"], zone.Find("a.ix.test.", DnsRecordType.A)!.Select(r => r.ToString()));
        Assert.Equal(2, before[("a.ix.test.", DnsRecordType.A)]!.Count);
        Assert.Null(before[("b.ix.test.", DnsRecordType.A)]);
        Assert.Equal(5, zone.RecordCount);
        Assert.Equal(2u, IxfrStreamReader.SerialOf(zone.Records().First()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Apply_DeletesRecordNotHeld_Conflict(bool storedForm)
    {
        var zone = Stored(storedForm);

        var error = Assert.Throws<ZoneDeltaConflictException>(() => zone.Apply([Delta(1, 2, [Rr.A("a.ix.test.", "192.0.2.77")], [])]));

        Assert.Contains("which the stored records do not hold", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Apply_AddsRecordHeld_Conflict(bool storedForm)
    {
        var zone = Stored(storedForm);

        var error = Assert.Throws<ZoneDeltaConflictException>(() => zone.Apply([Delta(1, 2, [], [Rr.Txt("t.ix.test.", "x")])]));

        Assert.Contains("already hold", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Apply_DeltaFromAnotherSerial_Conflict(bool storedForm)
    {
        var zone = Stored(storedForm, 1);

        Assert.Throws<ZoneDeltaConflictException>(() => zone.Apply([Delta(4, 5, [], [])]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Apply_ChainAcrossSerialWrap_EndsAtWrappedSerial(bool storedForm)
    {
        var zone = Stored(storedForm, 4294967295);

        zone.Apply([Delta(4294967295, 3, [], [Rr.A("c.ix.test.", "192.0.2.3")]), Delta(3, 4, [Rr.A("c.ix.test.", "192.0.2.3")], [])]);

        Assert.Equal(4u, zone.Serial);
        Assert.Null(zone.Find("c.ix.test.", DnsRecordType.A));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ManagedSetCount_LeavesApexSoaAndNsOut(bool storedForm)
    {
        var count = Stored(storedForm).ManagedSetCount();

        Assert.Equal(2, count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HasContentBeyondApex_OnlyApexSoaAndNsLeft_False(bool storedForm)
    {
        var zone = Stored(storedForm);
        var hadContent = zone.HasContentBeyondApex();

        zone.Apply([Delta(1, 2, [Rr.A("a.ix.test.", "192.0.2.1"), Rr.A("a.ix.test.", "192.0.2.2"), Rr.Txt("t.ix.test.", "x")], [])]);

        Assert.True(hadContent);
        Assert.False(zone.HasContentBeyondApex());
        Assert.Equal(2, zone.RecordCount);
    }

    [Fact]
    public void Records_StoredFormAfterDelta_SameAsObjectForm()
    {
        var deltas = new[] { Delta(1, 2, [Rr.A("A.ix.test.", "192.0.2.2"), Rr.Txt("t.ix.test.", "x")], [Rr.A("b.ix.test.", "192.0.2.9"), Rr.Txt("t.ix.test.", "y")]) };
        var fromObjects = Stored(storedForm: false);
        var fromBytes = Stored(storedForm: true);

        fromObjects.Apply(deltas);
        var before = fromBytes.Apply(deltas);

        Assert.Equal(fromObjects.Records().Select(r => r.ToString()).Order(), fromBytes.Records().Select(r => r.ToString()).Order());
        Assert.Equal(DnsRecordType.SOA, fromBytes.Records().First().Type);
        Assert.Equal(fromObjects.RecordCount, fromBytes.RecordCount);
        Assert.Equal(["t.ix.test. 300 TXT \"y\""], fromBytes.Find("t.ix.test.", DnsRecordType.TXT)!.Select(r => r.ToString()));
        Assert.Equal(["t.ix.test. 300 TXT \"x\""], before[("t.ix.test.", DnsRecordType.TXT)]!.Select(r => r.ToString()));
        Assert.Equal(["a.ix.test. 300 A 192.0.2.1"], fromBytes.Find("a.ix.test.", DnsRecordType.A)!.Select(r => r.ToString()));
    }
}

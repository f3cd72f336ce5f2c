using DnsMirror.Route53;
using DnsMirror.State;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Tests.State;

public sealed class MirroredZoneCodecTests
{
    private const string Zone = "ix.test.";

    private static readonly DnsResourceRecord[] s_records =
    [
        Rr.Soa(Zone, 77), Rr.Name(Zone, DnsRecordType.NS, "ns1.ix.test."), Rr.A("a.ix.test.", "192.0.2.1"), Rr.A("a.ix.test.", "192.0.2.2"),
        Rr.Txt("T.ix.test.", "quoted \" text", "second"), Rr.Mx(Zone, 10, "mail.ix.test."),
        new("chaos.ix.test.", DnsRecordType.TXT, 3, 60, [1, 0x41]),
    ];

    [Fact]
    public void Decode_EncodedZone_RoundTrips()
    {
        var soa = new HostedZoneRecordSet(Zone, "SOA", 900, ["ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 77 7200 900 1209600 86400"]);

        var zone = MirroredZoneCodec.Decode(MirroredZoneCodec.Encode(Zone, 77, soa, s_records, s_records.Length, "Z0E2E"));

        Assert.Equal(77u, zone.Serial);
        Assert.Equal(Zone, zone.Origin);
        Assert.Equal("Z0E2E", zone.HostedZoneId);
        Assert.Equal(soa.Values, zone.TargetSoa!.Values);
        Assert.Equal(900, zone.TargetSoa.Ttl);
        Assert.Equal(s_records.Select(r => (r.ToString(), r.Class)).Order(), zone.Records().Select(r => (r.ToString(), r.Class)).Order());
    }

    [Fact]
    public void Decode_CutAtEveryLength_FailsWithFormatException()
    {
        var blob = MirroredZoneCodec.Encode(Zone, 77, null, s_records, s_records.Length).ToArray();

        for (var length = 0; length < blob.Length; length++)
        {
            var cut = blob.AsSpan(0, length).ToArray();
            Assert.Throws<FormatException>(() => MirroredZoneCodec.Decode(cut));
        }
    }

    [Fact]
    public void Encode_WrongCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => MirroredZoneCodec.Encode(Zone, 1, null, s_records, s_records.Length + 1));
    }

    [Fact]
    public void Decode_ZoneLargerThanOneCompressionStage_RoundTripsAndFindsEverySet()
    {
        var records = new List<DnsResourceRecord> { Rr.Soa(Zone, 9) };
        for (var i = 0; i < 6000; i++)
        {
            records.Add(Rr.A($"Host{i}.ix.test.", $"192.0.{i / 250}.{i % 250}"));
            records.Add(Rr.Txt($"host{i}.ix.test.", $"text {i} long enough to make the uncompressed form pass several 64 KiB stages"));
        }

        var zone = MirroredZoneCodec.Decode(MirroredZoneCodec.Encode(Zone, 9, null, records, records.Count));

        Assert.Equal(records.Count, zone.RecordCount);
        Assert.Equal(records.Select(r => r.ToString()), zone.Records().Select(r => r.ToString()));
        Assert.Equal(12000, zone.ManagedSetCount());
        Assert.Equal(["Host4321.ix.test. 300 A 192.0.17.71"], zone.Find("host4321.ix.test.", DnsRecordType.A)!.Select(r => r.ToString()));
        Assert.Null(zone.Find("host4321.ix.test.", DnsRecordType.AAAA));
    }

    [Fact]
    public void Encode_StoredZoneAfterDelta_CopiesUntouchedRecordsAndRoundTrips()
    {
        // host1's A set goes away and its TXT stays: the TXT record, stored as "same owner", must carry its name again.
        DnsResourceRecord[] records = [Rr.Soa(Zone, 9), Rr.A("Host1.ix.test.", "192.0.2.1"), Rr.Txt("Host1.ix.test.", "kept"), Rr.A("host2.ix.test.", "192.0.2.2"), Rr.A("host2.ix.test.", "192.0.2.3")];
        var zone = MirroredZoneCodec.Decode(MirroredZoneCodec.Encode(Zone, 9, null, records, records.Length, "Z1"));
        zone.Apply([new ZoneDelta(9, 10, Rr.Soa(Zone, 10), [Rr.A("host1.ix.test.", "192.0.2.1"), Rr.A("host2.ix.test.", "192.0.2.3")], [Rr.A("host3.ix.test.", "192.0.2.4")])]);

        var again = MirroredZoneCodec.Decode(MirroredZoneCodec.Encode(zone, "Z1"));

        Assert.Equal(10u, again.Serial);
        Assert.Equal("Z1", again.HostedZoneId);
        Assert.Equal(zone.Records().Select(r => r.ToString()), again.Records().Select(r => r.ToString()));
        Assert.Equal(["Host1.ix.test. 300 TXT \"kept\""], again.Find("host1.ix.test.", DnsRecordType.TXT)!.Select(r => r.ToString()));
        Assert.Equal(4, again.RecordCount);
    }

    [Fact]
    public void Decode_TwoOwnersWithTheSameIndexHash_KeepsTheirSetsApart()
    {
        // These two owners collide in the index's 32-bit hash (found by search): lookups must still compare names.
        DnsResourceRecord[] records = [Rr.Soa(Zone, 9), Rr.A("c693596.ix.test.", "192.0.2.1"), Rr.A("c1170850.ix.test.", "192.0.2.2"), Rr.A("c693596.ix.test.", "192.0.2.3")];
        var zone = MirroredZoneCodec.Decode(MirroredZoneCodec.Encode(Zone, 9, null, records, records.Length));

        var first = zone.Find("c693596.ix.test.", DnsRecordType.A)!.Select(r => r.ToString()).ToList();
        var second = zone.Find("c1170850.ix.test.", DnsRecordType.A)!.Select(r => r.ToString()).ToList();
        var managed = zone.ManagedSetCount();
        zone.Apply([new ZoneDelta(9, 10, Rr.Soa(Zone, 10), [Rr.A("c1170850.ix.test.", "192.0.2.2")], [])]);

        Assert.Equal(["c693596.ix.test. 300 A 192.0.2.1", "c693596.ix.test. 300 A 192.0.2.3"], first);
        Assert.Equal(["c1170850.ix.test. 300 A 192.0.2.2"], second);
        Assert.Equal(2, managed);
        Assert.Null(zone.Find("c1170850.ix.test.", DnsRecordType.A));
        Assert.Equal(2, zone.Find("c693596.ix.test.", DnsRecordType.A)!.Count);
        Assert.Equal(3, MirroredZoneCodec.Decode(MirroredZoneCodec.Encode(zone, null)).RecordCount);
    }
}

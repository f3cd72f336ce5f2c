using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Wire;
using DnsMirror.Zone;

namespace DnsMirror.Tests.Zone;

public sealed class OriginRemapperTests
{
    private static readonly OriginRemapper s_remap = OriginRemapper.TryCreate("corp.internal.", "corp.aws.internal", out _)!;

    [Fact]
    public void Remap_TargetsInsideAndOutsideTheZone_OnlyInsideRewritten()
    {
        var records = new[]
        {
            Rr.Name("www.corp.internal.", DnsRecordType.CNAME, "web.corp.internal."),
            Rr.Name("cdn.corp.internal.", DnsRecordType.CNAME, "edge.example.net."),
            Rr.Mx("corp.internal.", 10, "mail.corp.internal."),
            Rr.Mx("corp.internal.", 20, "mx.example.net."),
            Srv("_sip._tcp.corp.internal.", "sip.corp.internal."),
            Srv("_ldap._tcp.corp.internal.", "ldap.example.net."),
            Rr.Name("sub.corp.internal.", DnsRecordType.NS, "ns1.sub.corp.internal."),
            Rr.Name("sub.corp.internal.", DnsRecordType.NS, "ns.elsewhere.test."),
            Rr.Name("1.2.0.192.in-addr.corp.internal.", DnsRecordType.PTR, "host.corp.internal."),
            Rr.Name("old.corp.internal.", DnsRecordType.DNAME, "new.corp.internal."),
        };

        var remapped = s_remap.Remap(records).Select(r => r.ToString()).ToList();

        Assert.Equal(
        [
            "www.corp.aws.internal. 300 CNAME web.corp.aws.internal.",
            "cdn.corp.aws.internal. 300 CNAME edge.example.net.",
            "corp.aws.internal. 300 MX 10 mail.corp.aws.internal.",
            "corp.aws.internal. 300 MX 20 mx.example.net.",
            "_sip._tcp.corp.aws.internal. 300 SRV 10 60 5060 sip.corp.aws.internal.",
            "_ldap._tcp.corp.aws.internal. 300 SRV 10 60 5060 ldap.example.net.",
            "sub.corp.aws.internal. 300 NS ns1.sub.corp.aws.internal.",
            "sub.corp.aws.internal. 300 NS ns.elsewhere.test.",
            "1.2.0.192.in-addr.corp.aws.internal. 300 PTR host.corp.aws.internal.",
            "old.corp.aws.internal. 300 DNAME new.corp.aws.internal.",
        ], remapped);
    }

    [Fact]
    public void Remap_SoaSvcbAndNaptr_NamesInsideRewrittenCountersKept()
    {
        var soa = Rr.Soa("corp.internal.", 2026120501);
        var svcb = Rr.Raw("svc.corp.internal.", DnsRecordType.SVCB, Rr.Wire(w =>
        {
            w.WriteUInt16(1);
            w.WriteName("backend.corp.internal.");
            w.WriteUInt16(3); // port
            w.WriteUInt16(2);
            w.WriteUInt16(8443);
        }));
        var naptr = Rr.Raw("sip.corp.internal.", DnsRecordType.NAPTR, Rr.Wire(w =>
        {
            w.WriteUInt16(100);
            w.WriteUInt16(10);
            w.WriteBytes("\u0001S"u8);
            w.WriteBytes("\u0007SIP+D2T"u8);
            w.WriteBytes("\0"u8);
            w.WriteName("_sip._tcp.corp.internal.");
        }));

        var remapped = s_remap.Remap([soa, svcb, naptr]).Select(r => r.ToString()).ToList();

        Assert.Equal("corp.aws.internal. 300 SOA ns1.corp.aws.internal. hostmaster.corp.aws.internal. 2026120501 3600 600 86400 300", remapped[0]);
        Assert.Equal("svc.corp.aws.internal. 300 SVCB 1 backend.corp.aws.internal. port=8443", remapped[1]);
        Assert.Equal("sip.corp.aws.internal. 300 NAPTR 100 10 \"S\" \"SIP+D2T\" \"\" _sip._tcp.corp.aws.internal.", remapped[2]);
    }

    [Theory]
    [InlineData("WWW.Corp.INTERNAL.", "WWW.corp.aws.internal.")]
    [InlineData(@"a\.b.corp.internal.", @"a\.b.corp.aws.internal.")]
    [InlineData(@"caf\233.corp.internal.", @"caf\233.corp.aws.internal.")]
    [InlineData(@"x.corp\.internal.", @"x.corp\.internal.")]
    [InlineData("xcorp.internal.", "xcorp.internal.")]
    [InlineData("corp.internal.example.", "corp.internal.example.")]
    public void Remap_OwnerNames_LabelWiseCaseInsensitiveEscapesKept(string owner, string expected)
    {
        var record = Rr.A(owner, "192.0.2.1");

        var remapped = s_remap.Remap(record);

        Assert.Equal(expected, remapped.Name);
    }

    [Fact]
    public void Remap_NothingInZone_SameInstancesBack()
    {
        var record = Rr.Name("x.example.net.", DnsRecordType.CNAME, "y.example.net.");

        var remapped = s_remap.Remap(record);

        Assert.Same(record, remapped);
    }

    [Fact]
    public void Remap_ResultOver255Octets_FailsWithASentenceNamingTheRecord()
    {
        var longTarget = OriginRemapper.TryCreate("a.", new string('b', 60) + "." + new string('c', 60) + "." + new string('d', 60) + ".internal", out _)!;
        var owner = string.Join('.', Enumerable.Repeat(new string('x', 40), 3)) + ".a.";

        var error = Assert.Throws<OriginRemapException>(() => longTarget.Remap(Rr.A(owner, "192.0.2.1")));

        Assert.Contains(owner, error.Message, StringComparison.Ordinal);
        Assert.Contains("255", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Snapshot_OriginAndRecordsMirrored()
    {
        var snapshot = new ZoneSnapshot("corp.internal.", 7, [Rr.Soa("corp.internal.", 7), Rr.A("www.corp.internal.", "192.0.2.1")], "test", 1, 0);

        var mirrored = s_remap.Apply(snapshot);

        Assert.Equal("corp.aws.internal.", mirrored.Origin);
        Assert.Equal(7u, mirrored.Serial);
        Assert.Equal(["corp.aws.internal.", "www.corp.aws.internal."], mirrored.Records.Select(r => r.Name));
    }

    [Theory]
    [InlineData("corp.internal", "is the zone itself")]
    [InlineData("CORP.Internal.", "is the zone itself")]
    [InlineData("aws.corp.internal", "lies inside the zone")]
    [InlineData("corp..internal", "is not a domain name")]
    [InlineData("-corp.internal2", "is not a domain name")]
    [InlineData("corp internal", "is not a domain name")]
    [InlineData(".", "is not a domain name")]
    public void TryCreate_BadTarget_RefusedWithASentence(string to, string expected)
    {
        var remapper = OriginRemapper.TryCreate("corp.internal.", to, out var error);

        Assert.Null(remapper);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("corp.aws.internal", "corp.aws.internal.")]
    [InlineData("internal", "internal.")]
    [InlineData("Other_Zone.example.", "other_zone.example.")]
    public void TryCreate_GoodTarget_AbsoluteLowerCase(string to, string expected)
    {
        var remapper = OriginRemapper.TryCreate("corp.internal.", to, out var error);

        Assert.Null(error);
        Assert.Equal(("corp.internal.", expected), (remapper!.From, remapper.To));
    }

    private static DnsResourceRecord Srv(string owner, string target) =>
        Rr.Raw(owner, DnsRecordType.SRV, Rr.Wire(w =>
        {
            w.WriteUInt16(10);
            w.WriteUInt16(60);
            w.WriteUInt16(5060);
            w.WriteName(target);
        }));
}

using DnsMirror.Diff;
using DnsMirror.Route53;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;
using static DnsMirror.Tests.Support.Zones;

namespace DnsMirror.Tests.Diff;

public sealed class ZoneDifferTests
{
    [Fact]
    public void Diff_Route53SpellingOfSameData_NoChanges()
    {
        var source = Snapshot(1,
            Rr.A("*.example.test.", "192.0.2.99"),
            Rr.Name("WWW2.example.test.", DnsRecordType.CNAME, "www.example.test."),
            Rr.Mx("example.test.", 10, "Mail.Example.Test."),
            Rr.Raw("www.example.test.", DnsRecordType.SSHFP, 4, 2, 0xAB, 0xCD));
        HostedZoneRecordSet[] target =
        [
            .. Apex(),
            Set("\\052.example.test.", "A", 300, "192.0.2.99"),
            Set("www2.example.test.", "CNAME", 300, "WWW.example.test"),
            Set("example.test.", "MX", 300, "010 mail.example.test."),
            Set("www.example.test.", "SSHFP", 300, "4 2 abcd"),
        ];

        var diff = ZoneDiffer.Diff(source, target);

        Assert.Empty(diff.Changes);
        Assert.Equal(4, diff.UnchangedRecordSets);
    }

    [Fact]
    public void Diff_NewChangedAndGoneSets_CreateUpsertDelete()
    {
        var source = Snapshot(1, Rr.A("new.example.test.", "192.0.2.1"), Rr.A("www.example.test.", "192.0.2.2"));
        HostedZoneRecordSet[] target = [.. Apex(), Set("www.example.test.", "A", 300, "192.0.2.9"), Set("old.example.test.", "TXT", 300, "\"x\"")];

        var diff = ZoneDiffer.Diff(source, target);

        Assert.Equal(
            ["CREATE new.example.test. A", "UPSERT www.example.test. A", "DELETE old.example.test. TXT"],
            diff.Changes.Select(c => $"{c.Action.ToString().ToUpperInvariant()} {c.RecordSet.Name} {c.RecordSet.Type}"));
        Assert.Equal(["192.0.2.2"], diff.Changes[1].RecordSet.Values);
    }

    [Fact]
    public void Diff_AliasAndRoutingPolicySets_SkippedAndNeverDeleted()
    {
        var source = Snapshot(1);
        HostedZoneRecordSet[] target =
        [
            .. Apex(),
            Set("cdn.example.test.", "A", 0) with { AliasTarget = "d111.cloudfront.net." },
            Set("geo.example.test.", "A", 60, "192.0.2.7") with { SetIdentifier = "eu" },
        ];

        var diff = ZoneDiffer.Diff(source, target);

        Assert.Empty(diff.Changes);
        Assert.Equal(2, diff.Skipped.Count);
        Assert.Contains(diff.Skipped, s => s.Reason.Contains("alias", StringComparison.Ordinal));
        Assert.Contains(diff.Skipped, s => s.Reason.Contains("SetIdentifier eu", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_ApexSoaAndNs_KeptAndOnlySerialMirrored()
    {
        var source = Snapshot(2026112201);

        var diff = ZoneDiffer.Diff(source, Apex(serial: 1));

        Assert.Empty(diff.Changes);
        Assert.NotNull(diff.SerialChange);
        Assert.Equal("ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 2026112201 7200 900 1209600 86400", diff.SerialChange.RecordSet.Values[0]);
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public void Diff_OnlyTtlDiffers_HonoursIgnoreTtl(bool ignoreTtl, int expectedChanges)
    {
        var source = Snapshot(1, Rr.A("www.example.test.", "192.0.2.2", ttl: 60));
        HostedZoneRecordSet[] target = [.. Apex(), Set("www.example.test.", "A", 300, "192.0.2.2")];

        var diff = ZoneDiffer.Diff(source, target, new DiffOptions { IgnoreTtl = ignoreTtl });

        Assert.Equal(expectedChanges, diff.Changes.Count);
    }

    [Fact]
    public void Diff_UnsupportedType_ReportedAsSkipped()
    {
        var source = Snapshot(1, Rr.Raw("x.example.test.", (DnsRecordType)65280, 1, 2, 3));

        var diff = ZoneDiffer.Diff(source, Apex());

        Assert.Empty(diff.Changes);
        Assert.Equal(new SkippedRecordSet("x.example.test.", "TYPE65280", "type not supported by Route 53"), diff.Skipped.Single());
    }

    [Fact]
    public void Diff_LongTxt_WrittenAsQuotedStringsOfAtMost255()
    {
        var source = Snapshot(1, Rr.Txt("long.example.test.", new string('a', 255), "b\"c"));

        var diff = ZoneDiffer.Diff(source, Apex());

        Assert.Equal("\"" + new string('a', 255) + "\" \"b\\\"c\"", diff.Changes.Single().RecordSet.Values.Single());
    }

    [Fact]
    public void Diff_DelegationBelowApex_IsMirrored()
    {
        var source = Snapshot(1, Rr.Name("sub.example.test.", DnsRecordType.NS, "ns1.sub.example.test."), Rr.A("ns1.sub.example.test.", "192.0.2.53"));

        var diff = ZoneDiffer.Diff(source, Apex());

        Assert.Equal(["sub.example.test. NS", "ns1.sub.example.test. A"], diff.Changes.Select(c => $"{c.RecordSet.Name} {c.RecordSet.Type}"));
        Assert.All(diff.Changes, c => Assert.Equal(ChangeAction.Create, c.Action));
    }

    [Fact]
    public void Diff_ReverseZone_ComparesPtrTargetsFullyQualified()
    {
        var origin = "2.0.192.in-addr.arpa.";
        var source = new DnsMirror.Transfer.ZoneSnapshot(origin, 1, [Rr.Soa(origin, 1), Rr.Name("25." + origin, DnsRecordType.PTR, "mail.example.test.")], "test", 1, 0);
        HostedZoneRecordSet[] target = [Set("25.2.0.192.in-addr.arpa.", "PTR", 300, "MAIL.example.test")];

        var diff = ZoneDiffer.Diff(source, target);

        Assert.Empty(diff.Changes);
    }

    [Fact]
    public void Diff_TargetRepeatsOneOfTwoValues_Upsert()
    {
        var source = Snapshot(1, Rr.A("rr.example.test.", "192.0.2.1"), Rr.A("rr.example.test.", "192.0.2.2"));
        HostedZoneRecordSet[] target = [.. Apex(), Set("rr.example.test.", "A", 300, "192.0.2.1", "192.0.2.1")];

        var diff = ZoneDiffer.Diff(source, target);

        var change = Assert.Single(diff.Changes);
        Assert.Equal(ChangeAction.Upsert, change.Action);
        Assert.Equal(["192.0.2.1", "192.0.2.2"], change.RecordSet.Values);
    }

    [Fact]
    public void Diff_SameValuesOtherOrderAndSpelling_NoChanges()
    {
        var source = Snapshot(1,
            Rr.A("rr.example.test.", "192.0.2.1"), Rr.A("rr.example.test.", "192.0.2.2"),
            Rr.Mx("mx.example.test.", 10, "a.example.test."), Rr.Mx("mx.example.test.", 20, "B.example.test."));
        HostedZoneRecordSet[] target =
        [
            .. Apex(),
            Set("rr.example.test.", "A", 300, "192.0.2.2", "192.0.2.1"),
            Set("mx.example.test.", "MX", 300, "20 b.example.test.", "10 a.example.test."),
        ];

        var diff = ZoneDiffer.Diff(source, target);

        Assert.Empty(diff.Changes);
        Assert.Equal(2, diff.UnchangedRecordSets);
    }
}

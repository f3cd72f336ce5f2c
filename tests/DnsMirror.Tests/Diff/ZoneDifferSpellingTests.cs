using DnsMirror.Diff;
using DnsMirror.Route53;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;
using static DnsMirror.Tests.Support.Zones;

namespace DnsMirror.Tests.Diff;

/// <summary>
/// Where a listing's text and the source's formatted text part ways without the values differing (case,
/// escapes, duplicate RRs), and where equal-looking text is not an equal value.
/// </summary>
public sealed class ZoneDifferSpellingTests
{
    [Theory]
    [InlineData("www.example.test.", "WWW.Example.Test.")]
    [InlineData("WWW.Example.Test.", "www.example.test.")]
    [InlineData("WWW.Example.Test.", "WWW.Example.Test.")]
    public void Diff_NameTargetDiffersOnlyInCase_Unchanged(string sourceTarget, string listedTarget)
    {
        var source = Snapshot(1,
            Rr.Name("alias.example.test.", DnsRecordType.CNAME, sourceTarget),
            Rr.Mx("mx.example.test.", 10, sourceTarget), Rr.Mx("mx.example.test.", 20, "b.example.test."));
        HostedZoneRecordSet[] target =
        [
            .. Apex(),
            Set("alias.example.test.", "CNAME", 300, listedTarget),
            Set("mx.example.test.", "MX", 300, "20 b.example.test.", "10 " + listedTarget),
        ];

        var diff = ZoneDiffer.Diff(source, target);

        Assert.Empty(diff.Changes);
        Assert.Equal(2, diff.UnchangedRecordSets);
    }

    [Fact]
    public void Diff_EscapeDecimalInSourceOctalInRoute53_Unchanged()
    {
        // Octets 10 and 200: \010 and \200 in a zone file, \012 and \310 in Route 53.
        var source = Snapshot(1,
            Rr.Txt("one.example.test.", "a\nb"),
            Rr.Raw("two.example.test.", DnsRecordType.TXT, 1, 200), Rr.Txt("two.example.test.", "plain"));
        HostedZoneRecordSet[] target =
        [
            .. Apex(),
            Set("one.example.test.", "TXT", 300, "\"a\\012b\""),
            Set("two.example.test.", "TXT", 300, "\"plain\"", "\"\\310\""),
        ];

        var diff = ZoneDiffer.Diff(source, target);

        Assert.Empty(diff.Changes);
        Assert.Equal(2, diff.UnchangedRecordSets);
    }

    [Fact]
    public void Diff_ListingHoldsTheDecimalEscapeText_UpsertInOctal()
    {
        // The zone file's text read the way Route 53 reads it (octal) is octet 8, not 10: another value.
        var source = Snapshot(1, Rr.Txt("one.example.test.", "a\nb"));
        HostedZoneRecordSet[] target = [.. Apex(), Set("one.example.test.", "TXT", 300, "\"a\\010b\"")];

        var diff = ZoneDiffer.Diff(source, target);

        var change = Assert.Single(diff.Changes);
        Assert.Equal(ChangeAction.Upsert, change.Action);
        Assert.Equal(["\"a\\012b\""], change.RecordSet.Values);
    }

    [Fact]
    public void Diff_SourceRepeatsAnRr_EqualsTheOneValueTarget()
    {
        var source = Snapshot(1,
            Rr.A("a.example.test.", "192.0.2.1"), Rr.A("a.example.test.", "192.0.2.1"),
            Rr.Mx("mx.example.test.", 10, "Mail.Example.Test."), Rr.Mx("mx.example.test.", 10, "mail.example.test."));
        HostedZoneRecordSet[] target =
        [
            .. Apex(),
            Set("a.example.test.", "A", 300, "192.0.2.1"),
            Set("mx.example.test.", "MX", 300, "10 mail.example.test."),
        ];

        var diff = ZoneDiffer.Diff(source, target);

        Assert.Empty(diff.Changes);
        Assert.Equal(2, diff.UnchangedRecordSets);
    }

    [Fact]
    public void Diff_BothSidesRepeatAValue_UpsertToOneValue()
    {
        // Two equal RRs are one value: a listing with the value twice has one too many.
        var source = Snapshot(1, Rr.A("a.example.test.", "192.0.2.1"), Rr.A("a.example.test.", "192.0.2.1"));
        HostedZoneRecordSet[] target = [.. Apex(), Set("a.example.test.", "A", 300, "192.0.2.1", "192.0.2.1")];

        var diff = ZoneDiffer.Diff(source, target);

        var change = Assert.Single(diff.Changes);
        Assert.Equal(ChangeAction.Upsert, change.Action);
        Assert.Equal(["192.0.2.1"], change.RecordSet.Values);
    }

    [Fact]
    public void Diff_TwoRrsDifferOnlyInCase_OneValueNotTwo()
    {
        // The listing's text matches each RR's text, yet the two RRs are one value.
        var source = Snapshot(1,
            Rr.Name("sub.example.test.", DnsRecordType.NS, "ns1.Example.test."),
            Rr.Name("sub.example.test.", DnsRecordType.NS, "NS1.example.test."));
        HostedZoneRecordSet[] target = [.. Apex(), Set("sub.example.test.", "NS", 300, "NS1.example.test.", "ns1.Example.test.")];

        var diff = ZoneDiffer.Diff(source, target);

        var change = Assert.Single(diff.Changes);
        Assert.Equal(ChangeAction.Upsert, change.Action);
        Assert.Equal(["ns1.Example.test."], change.RecordSet.Values);
    }

    [Fact]
    public void Diff_TargetHasOtherValueOfSameCount_Upsert()
    {
        var source = Snapshot(1, Rr.A("rr.example.test.", "192.0.2.1"), Rr.A("rr.example.test.", "192.0.2.2"));
        HostedZoneRecordSet[] target = [.. Apex(), Set("rr.example.test.", "A", 300, "192.0.2.2", "192.0.2.3")];

        var diff = ZoneDiffer.Diff(source, target);

        var change = Assert.Single(diff.Changes);
        Assert.Equal(ChangeAction.Upsert, change.Action);
        Assert.Equal(["192.0.2.1", "192.0.2.2"], change.RecordSet.Values);
    }

    [Fact]
    public void Diff_RrsSpreadOverTheTransfer_OneSetInFirstSeenOrder()
    {
        var source = Snapshot(1,
            Rr.A("rr.example.test.", "192.0.2.3"), Rr.A("other.example.test.", "192.0.2.9"),
            Rr.A("RR.example.test.", "192.0.2.1"), Rr.A("rr.example.test.", "192.0.2.3"));

        var diff = ZoneDiffer.Diff(source, Apex());

        var create = Assert.Single(diff.Changes, c => c.RecordSet.Name == "rr.example.test.");
        Assert.Equal(ChangeAction.Create, create.Action);
        Assert.Equal(["192.0.2.3", "192.0.2.1"], create.RecordSet.Values);
    }
}

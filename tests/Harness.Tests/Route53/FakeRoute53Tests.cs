using System.Text;
using LambdaSuite.Harness.Route53;

namespace Harness.Tests.Route53;

/// <summary>The one Route 53 fake's own rules; DnsMirror's tests exercise it further through the real client.</summary>
public sealed class FakeRoute53Tests
{
    private static readonly Dictionary<string, string> s_noQuery = [];

    [Fact]
    public void TryChange_UpsertBeyondRecordLimitCountedTwice_RefusedAndNothingApplied()
    {
        var route53 = new FakeRoute53("Z1");
        var values = Enumerable.Range(0, 501).Select(i => $"192.0.2.{i % 250}").ToArray();

        var accepted = route53.TryChange([new(FakeRecordSetChange.Upsert, new("big.example.test.", "A", 60, values))], out _, out var code, out var message);

        Assert.False(accepted);
        Assert.Equal("InvalidChangeBatch", code);
        Assert.Contains("1002 records", message, StringComparison.Ordinal);
        Assert.Null(route53.Find("big.example.test.", "A"));
    }

    [Fact]
    public void TryChange_CnameBesideAddressInOneBatch_RefusedAtomically()
    {
        var route53 = new FakeRoute53("Z1");
        route53.Add("example.test.", "SOA", 900, "ns. host. 1 7200 900 1209600 86400");

        var accepted = route53.TryChange(
            [
                new(FakeRecordSetChange.Create, new("www.example.test.", "A", 60, ["192.0.2.1"])),
                new(FakeRecordSetChange.Create, new("www.example.test.", "CNAME", 60, ["web.example.test."])),
            ],
            out _, out _, out var message);

        Assert.False(accepted);
        Assert.Contains("conflicts with other records", message, StringComparison.Ordinal);
        Assert.Null(route53.Find("www.example.test.", "A"));
        Assert.Equal(1, route53.Count);
    }

    [Fact]
    public void TryChange_DeleteWithOtherValues_Refused()
    {
        var route53 = new FakeRoute53("Z1");
        route53.Add("a.example.test.", "A", 60, "192.0.2.1");

        var accepted = route53.TryChange([new(FakeRecordSetChange.Delete, new("a.example.test.", "A", 60, ["192.0.2.9"]))], out _, out _, out var message);

        Assert.False(accepted);
        Assert.Contains("do not match the current values", message, StringComparison.Ordinal);
        Assert.NotNull(route53.Find("a.example.test.", "A"));
    }

    [Fact]
    public void ListPage_FromNextMarker_ContinuesInRoute53Order()
    {
        var route53 = new FakeRoute53("Z1", pageSize: 2);
        route53.Add("c.example.test.", "A", 60, "192.0.2.3");
        route53.Add("a.b.example.test.", "A", 60, "192.0.2.2");
        route53.Add("b.example.test.", "TXT", 60, "\"t\"");
        route53.Add("b.example.test.", "A", 60, "192.0.2.1");

        var first = route53.ListPage(null, null, maxItems: 300);
        var second = route53.ListPage(first.Next!.Value.Name, first.Next.Value.Type, maxItems: 300);

        Assert.Equal(["b.example.test. A", "b.example.test. TXT"], first.Sets.Select(s => s.Name + " " + s.Type));
        Assert.True(first.IsTruncated);
        Assert.Equal(["a.b.example.test. A", "c.example.test. A"], second.Sets.Select(s => s.Name + " " + s.Type));
        Assert.False(second.IsTruncated);
    }

    [Fact]
    public void Respond_ChangeThenGetChange_PendingForTheAskedPollsThenInsync()
    {
        var route53 = new FakeRoute53("Z1", pendingPolls: 1);
        var batch = """
            <ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><ChangeBatch><Changes>
            <Change><Action>CREATE</Action><ResourceRecordSet><Name>*.Example.Test</Name><Type>A</Type><TTL>60</TTL>
            <ResourceRecords><ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change>
            </Changes></ChangeBatch></ChangeResourceRecordSetsRequest>
            """;

        var (changeStatus, changeBody) = route53.Respond("POST", "/2013-04-01/hostedzone/Z1/rrset/", s_noQuery, Encoding.UTF8.GetBytes(batch));
        var (_, firstPoll) = route53.Respond("GET", "/2013-04-01/change/C000001", s_noQuery, []);
        var (_, secondPoll) = route53.Respond("GET", "/2013-04-01/change/C000001", s_noQuery, []);
        var (unknownStatus, _) = route53.Respond("GET", "/2013-04-01/change/C999999", s_noQuery, []);

        Assert.Equal(200, changeStatus);
        Assert.Contains("<Status>PENDING</Status>", Encoding.UTF8.GetString(changeBody), StringComparison.Ordinal);
        Assert.Contains("<Status>PENDING</Status>", Encoding.UTF8.GetString(firstPoll), StringComparison.Ordinal);
        Assert.Contains("<Status>INSYNC</Status>", Encoding.UTF8.GetString(secondPoll), StringComparison.Ordinal);
        Assert.Equal(404, unknownStatus);
        Assert.Equal(@"\052.example.test.", route53.Find("*.example.test", "A")!.Value.Name);
    }

    [Fact]
    public void Respond_ScriptedThrottling_AnswersItOnceThenApplies()
    {
        var route53 = new FakeRoute53("Z1");
        route53.FailNextChange("Throttling");
        var batch = Encoding.UTF8.GetBytes("""<ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><ChangeBatch><Changes><Change><Action>UPSERT</Action><ResourceRecordSet><Name>a.example.test.</Name><Type>A</Type><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>""");

        var (firstStatus, firstBody) = route53.Respond("POST", "/2013-04-01/hostedzone/Z1/rrset/", s_noQuery, batch);
        var (secondStatus, _) = route53.Respond("POST", "/2013-04-01/hostedzone/Z1/rrset/", s_noQuery, batch);

        Assert.Equal(400, firstStatus);
        Assert.Contains("<Code>Throttling</Code>", Encoding.UTF8.GetString(firstBody), StringComparison.Ordinal);
        Assert.Equal(200, secondStatus);
        Assert.Equal([2], route53.AcceptedBatchSizes);
    }
}

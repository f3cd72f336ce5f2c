using System.Text;
using LambdaSuite.Harness.Route53;
using Microsoft.Extensions.Time.Testing;

namespace Harness.Tests.Route53;

/// <summary>The fake's request-rate bucket and the loopback server holding requests until Route 53's buckets could pay them.</summary>
public sealed class FakeRoute53PacingTests
{
    private const string ListPath = "/2013-04-01/hostedzone/Z1/rrset";
    private static readonly Dictionary<string, string> s_noQuery = [];
    private static readonly byte[] s_upsert = Encoding.UTF8.GetBytes("""<ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><ChangeBatch><Changes><Change><Action>UPSERT</Action><ResourceRecordSet><Name>a.example.test.</Name><Type>A</Type><TTL>60</TTL><ResourceRecords><ResourceRecord><Value>192.0.2.1</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>""");

    [Fact]
    public void Respond_RequestBucketEmpty_ThrottledUntilItRefills()
    {
        var clock = new FakeTimeProvider();
        var route53 = new FakeRoute53("Z1") { RequestBudget = new FakeChangeBudget(burst: 2, perSecond: 1, clock) };

        var statuses = new[] { route53.Respond("GET", ListPath, s_noQuery, []).Status, route53.Respond("GET", ListPath, s_noQuery, []).Status, route53.Respond("GET", ListPath, s_noQuery, []).Status };
        var (_, throttledBody) = route53.Respond("POST", ListPath + "/", s_noQuery, s_upsert);
        clock.Advance(TimeSpan.FromSeconds(1));
        var (refilled, _) = route53.Respond("POST", ListPath + "/", s_noQuery, s_upsert);

        Assert.Equal([200, 200, 400], statuses);
        Assert.Contains("<Code>Throttling</Code>", Encoding.UTF8.GetString(throttledBody), StringComparison.Ordinal);
        Assert.Equal(200, refilled);
        Assert.Equal((2, 2, 1), (route53.ThrottledRequests, route53.ListCalls, route53.ChangeCalls));
    }

    [Fact]
    public void TimeUntilPaid_ChangeBucketShort_WaitsForTheBatchsRecordsAndTakesNothing()
    {
        var clock = new FakeTimeProvider();
        var route53 = new FakeRoute53("Z1") { ChangeBudget = new FakeChangeBudget(burst: 4, perSecond: 2, clock), RequestBudget = new FakeChangeBudget(burst: 5, perSecond: 1, clock) };
        route53.ChangeBudget.Spend(4);

        var batchWait = route53.TimeUntilPaid("POST", s_upsert);
        var listWait = route53.TimeUntilPaid("GET", []);
        clock.Advance(batchWait);
        var (status, _) = route53.Respond("POST", ListPath + "/", s_noQuery, s_upsert);

        Assert.Equal(TimeSpan.FromSeconds(1), batchWait);
        Assert.Equal(TimeSpan.Zero, listWait);
        Assert.Equal(200, status);
        Assert.Equal((0, 0), (route53.ThrottledChanges, route53.ThrottledRequests));
    }

    [Fact]
    public async Task HoldUntilPaid_RequestBucketSpent_HeldUntilRefilledInsteadOfThrottled()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Two seconds a token: the first exchange (a cold server and client, maybe on a loaded machine) cannot take so
        // long that the bucket has refilled before the second request arrives.
        var route53 = new FakeRoute53("Z1") { RequestBudget = new FakeChangeBudget(burst: 1, perSecond: 0.5) };
        await using var server = await Route53FakeServer.StartAsync(route53);
        server.HoldUntilPaid = true;
        using var http = new HttpClient { BaseAddress = server.Endpoint };

        using var first = await http.GetAsync(new Uri(ListPath, UriKind.Relative));
        using var second = await http.GetAsync(new Uri(ListPath, UriKind.Relative));
        var elapsed = watch.Elapsed;

        Assert.Equal((200, 200), ((int)first.StatusCode, (int)second.StatusCode));
        Assert.Equal(0, route53.ThrottledRequests);
        // The second token comes two seconds after the first was taken.
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(1950), TimeSpan.FromSeconds(10));
        Assert.True(server.HeldTime > TimeSpan.Zero, $"held {server.HeldTime}");
    }
}

using System.Text;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Route53;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.Route53;

public class Route53ClientTests : StubbedClientTestBase
{
    [Fact]
    public async Task ListAllResourceRecordSetsAsync_ThreePages_FollowsNextRecordFields()
    {
        Stub.Enqueue(AwsTestData.Xml("Route53/rrset-page1.xml"), AwsTestData.Xml("Route53/rrset-page2.xml"), AwsTestData.Xml("Route53/rrset-page3.xml"));

        var sets = await ToListAsync(Factory.CreateRoute53().ListAllResourceRecordSetsAsync("/hostedzone/Z0EXAMPLE", pageSize: 2));

        Assert.Equal(["example.com.", @"\052.example.com.", "api.example.com.", "www.example.com.", @"x\100y.example.com."], sets.Select(s => s.Name));
        var requests = Stub.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
        Assert.All(requests, r => Assert.Equal("/2013-04-01/hostedzone/Z0EXAMPLE/rrset", r.RawPath));
        Assert.Equal(new Dictionary<string, string> { ["maxitems"] = "2" }, requests[0].QueryParameters());
        Assert.Equal(new Dictionary<string, string> { ["name"] = "api.example.com.", ["type"] = "A", ["identifier"] = "blue", ["maxitems"] = "2" }, requests[1].QueryParameters());
        Assert.Equal(new Dictionary<string, string> { ["name"] = @"x\100y.example.com.", ["type"] = "TXT", ["maxitems"] = "2" }, requests[2].QueryParameters());
        AssertAllSigned();
    }

    [Fact]
    public async Task ListAllResourceRecordSetsAsync_GlobalService_SignsForUsEast1()
    {
        Stub.Enqueue(AwsTestData.Xml("Route53/rrset-page3.xml"));
        using var factory = StubClientFactory.For(Stub, RetryPolicy, region: "eu-central-1");

        await ToListAsync(factory.CreateRoute53().ListAllResourceRecordSetsAsync("Z0EXAMPLE"));

        var check = Assert.Single(Stub.Requests).Signature;
        Assert.Equal(("us-east-1", "route53"), (check.Region, check.Service));
    }

    [Fact]
    public async Task ListResourceRecordSetsAsync_Page_ParsesRoutingAndAliasFields()
    {
        Stub.Enqueue(AwsTestData.Xml("Route53/rrset-page2.xml"));

        var page = await Factory.CreateRoute53().ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest { HostedZoneId = "Z0EXAMPLE" });

        Assert.True(page.IsTruncated);
        Assert.Equal((@"x\100y.example.com.", "TXT", null), (page.NextRecordName, page.NextRecordType, page.NextRecordIdentifier));
        var weighted = page.ResourceRecordSets[0];
        Assert.Equal(("blue", 70L, 60L), (weighted.SetIdentifier, weighted.Weight, weighted.TTL));
        var alias = page.ResourceRecordSets[1];
        Assert.Null(alias.TTL);
        Assert.Empty(alias.ResourceRecords);
        Assert.Equal(("Z2FDTNDATAQYW2", "d111111abcdef8.cloudfront.net.", false), (alias.AliasTarget!.HostedZoneId, alias.AliasTarget.DNSName, alias.AliasTarget.EvaluateTargetHealth));
    }

    [Fact]
    public async Task ListResourceRecordSetsAsync_TxtValue_KeepsQuotes()
    {
        Stub.Enqueue(AwsTestData.Xml("Route53/rrset-page3.xml"));

        var page = await Factory.CreateRoute53().ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest { HostedZoneId = "Z0EXAMPLE" });

        Assert.Equal("\"v=spf1 include:_spf.example.net ~all\"", Assert.Single(Assert.Single(page.ResourceRecordSets).ResourceRecords).Value);
        Assert.False(page.IsTruncated);
    }

    [Fact]
    public async Task ListAllResourceRecordSetsAsync_TruncatedWithoutNextName_Throws()
    {
        Stub.Enqueue(StubResponse.Xml("<ListResourceRecordSetsResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><ResourceRecordSets/><IsTruncated>true</IsTruncated><MaxItems>1</MaxItems></ListResourceRecordSetsResponse>"));

        await Assert.ThrowsAsync<FormatException>(() => ToListAsync(Factory.CreateRoute53().ListAllResourceRecordSetsAsync("Z0EXAMPLE")));
    }

    [Fact]
    public async Task ChangeResourceRecordSetsAsync_Batch_SendsExactXml()
    {
        Stub.Enqueue(AwsTestData.Xml("Route53/change-pending.xml"));

        var response = await Factory.CreateRoute53().ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest
        {
            HostedZoneId = "/hostedzone/Z0EXAMPLE",
            ChangeBatch = new ChangeBatch
            {
                Comment = "mirror sync",
                Changes =
                [
                    new(ChangeAction.Upsert, new ResourceRecordSet { Name = @"\052.example.com.", Type = "A", TTL = 300, ResourceRecords = [new("192.0.2.10"), new("192.0.2.11")] }),
                    new(ChangeAction.Create, new ResourceRecordSet { Name = @"x\100y.example.com.", Type = "TXT", TTL = 60, ResourceRecords = [new("\"a&b\" \"<c>\"")] }),
                    new(ChangeAction.Delete, new ResourceRecordSet { Name = "api.example.com.", Type = "A", SetIdentifier = "blue", Weight = 70, TTL = 60, ResourceRecords = [new("198.51.100.7")] }),
                ],
            },
        });

        var request = Assert.Single(Stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2013-04-01/hostedzone/Z0EXAMPLE/rrset/", request.RawTarget);
        Assert.Equal("application/xml", request.ContentType);
        Assert.Equal(AwsTestData.Read("Route53/change-batch-request.xml"), request.BodyText);
        Assert.Equal(("/change/C2682N5HXP0BZ4", ChangeStatus.Pending, "mirror sync"), (response.ChangeInfo.Id, response.ChangeInfo.Status, response.ChangeInfo.Comment));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 1, 36, 41, 958, TimeSpan.Zero), response.ChangeInfo.SubmittedAt);
        AssertAllSigned();
    }

    [Fact]
    public void WriteChangeBatch_AliasRecord_WritesAliasTargetWithoutTtl()
    {
        var alias = new ResourceRecordSet { Name = "www.example.com.", Type = "A", AliasTarget = new AliasTarget { HostedZoneId = "Z2FDTNDATAQYW2", DNSName = "d1.cloudfront.net.", EvaluateTargetHealth = true } };

        var xml = Encoding.UTF8.GetString(Route53Xml.WriteChangeBatch(new ChangeBatch { Changes = [new(ChangeAction.Delete, alias)] }));

        Assert.Contains("<ResourceRecordSet><Name>www.example.com.</Name><Type>A</Type><AliasTarget><HostedZoneId>Z2FDTNDATAQYW2</HostedZoneId><DNSName>d1.cloudfront.net.</DNSName><EvaluateTargetHealth>true</EvaluateTargetHealth></AliasTarget></ResourceRecordSet>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<TTL>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<Comment>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeResourceRecordSetsAsync_InvalidChangeBatch_ThrowsWithoutRetry()
    {
        Stub.Enqueue(AwsTestData.Xml("Errors/route53-invalid-change-batch.xml", 400));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Factory.CreateRoute53().ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest
        {
            HostedZoneId = "Z0EXAMPLE",
            ChangeBatch = new ChangeBatch { Changes = [new(ChangeAction.Create, new ResourceRecordSet { Name = "a.example.com.", Type = "A", TTL = 60, ResourceRecords = [new("192.0.2.1")] })] },
        }));

        Assert.Equal("InvalidChangeBatch", error.ErrorCode);
        Assert.Contains("already exists", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Single(Stub.Requests);
    }

    [Fact]
    public async Task ListResourceRecordSetsAsync_ThrottlingThenPriorRequestNotComplete_RetriesBoth()
    {
        Stub.Enqueue(
            AwsTestData.Xml("Errors/route53-throttling.xml", 400),
            StubResponse.Xml("<ErrorResponse><Error><Type>Sender</Type><Code>PriorRequestNotComplete</Code><Message>busy</Message></Error></ErrorResponse>", 400),
            AwsTestData.Xml("Route53/rrset-page3.xml"));

        var page = await Factory.CreateRoute53().ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest { HostedZoneId = "Z0EXAMPLE" });

        Assert.Single(page.ResourceRecordSets);
        Assert.Equal(3, Stub.Requests.Count);
        Assert.Equal(2, Clock.Sleeps.Count);
    }

    [Fact]
    public async Task GetChangeAsync_PrefixedId_RequestsBareIdAndParsesInSync()
    {
        Stub.Enqueue(AwsTestData.Xml("Route53/get-change-insync.xml"));

        var response = await Factory.CreateRoute53().GetChangeAsync(new GetChangeRequest("/change/C2682N5HXP0BZ4"));

        Assert.Equal("/2013-04-01/change/C2682N5HXP0BZ4", Assert.Single(Stub.Requests).RawTarget);
        Assert.Equal(ChangeStatus.InSync, response.ChangeInfo.Status);
    }

    [Fact]
    public async Task WaitForInSyncAsync_PendingTwice_PollsUntilInSync()
    {
        var pending = AwsTestData.Read("Route53/get-change-insync.xml").Replace("INSYNC", "PENDING", StringComparison.Ordinal);
        Stub.Enqueue(StubResponse.Xml(pending), StubResponse.Xml(pending), AwsTestData.Xml("Route53/get-change-insync.xml"));

        var info = await Factory.CreateRoute53().WaitForInSyncAsync("/change/C2682N5HXP0BZ4", TimeSpan.FromSeconds(2));

        Assert.Equal(ChangeStatus.InSync, info.Status);
        Assert.Equal(3, Stub.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], Clock.Sleeps);
    }

    [Fact]
    public async Task WaitForInSyncAsync_StillPendingAtDeadline_ThrowsTimeout()
    {
        var pending = AwsTestData.Read("Route53/get-change-insync.xml").Replace("INSYNC", "PENDING", StringComparison.Ordinal);
        Stub.Responder = _ => StubResponse.Xml(pending);
        var client = Factory.CreateRoute53().WithDeadline(Clock.GetUtcNow() + TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<TimeoutException>(() => client.WaitForInSyncAsync("C2682N5HXP0BZ4", TimeSpan.FromSeconds(2)));

        Assert.Equal(3, Stub.Requests.Count);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

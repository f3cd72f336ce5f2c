using DnsMirror.Route53;
using DnsMirror.Tests.Support;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Aws.Route53;
using LambdaSuite.Harness.Route53;
using LambdaSuite.TestKit.Stubs;
using Action = DnsMirror.Route53.ChangeAction;

namespace DnsMirror.Tests.Route53;

/// <summary>The Route 53 adapter against a loopback stub that behaves like Route 53 (signature checked on every call).</summary>
public sealed class Route53HostedZoneTests : IAsyncLifetime
{
    private static readonly AwsRetryPolicy s_fastRetries = new() { BaseDelay = TimeSpan.FromMilliseconds(1), ThrottlingBaseDelay = TimeSpan.FromMilliseconds(1) };
    private readonly FakeRoute53 _route53 = new("Z0TEST", pageSize: 100, pendingPolls: 2);
    private AwsStubServer _stub = null!;
    private Route53Client _client = null!;

    public async Task InitializeAsync()
    {
        _stub = await AwsStubServer.StartAsync();
        _stub.Responder = _route53.RespondTo;
        _client = StubClientFactory.For(_stub, s_fastRetries).CreateRoute53();
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task ListRecordSetsAsync_ThreePages_ReturnsEverySetOnceInRoute53Form()
    {
        _route53.Add("example.test.", "SOA", 900, "ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400");
        _route53.Add("*.example.test.", "A", 300, "192.0.2.9");
        for (var i = 0; i < 248; i++)
        {
            _route53.Add($"host{i}.example.test.", "A", 300, $"192.0.2.{i % 250}");
        }

        var zone = new Route53HostedZone(_client, "/hostedzone/Z0TEST", "example.test");

        var sets = await zone.ListRecordSetsAsync(default);

        Assert.Equal(250, sets.Count);
        Assert.Equal(250, sets.Select(s => (s.Name, s.Type)).Distinct().Count());
        Assert.Equal(3, _route53.ListCalls);
        Assert.Contains(sets, s => s.Name == @"\052.example.test." && s.Values.SequenceEqual(["192.0.2.9"]));
        Assert.All(_stub.Requests, r => Assert.True(r.Signature.IsValid, r.Signature.Reason));
    }

    [Fact]
    public async Task ListRecordSetsAsync_DefaultPageSize_AsksRoute53ForItsMaximumOf300()
    {
        var route53 = new FakeRoute53("Z0BIG", pageSize: 300, pendingPolls: 1);
        _stub.Responder = route53.RespondTo;
        for (var i = 0; i < 650; i++)
        {
            route53.Add($"host{i}.example.test.", "A", 300, "192.0.2.1");
        }

        var sets = await new Route53HostedZone(_client, "Z0BIG", "example.test").ListRecordSetsAsync(default);

        Assert.Equal(650, sets.Count);
        Assert.Equal(3, route53.ListCalls);
        Assert.All(_stub.Requests, r => Assert.Equal("300", r.QueryParameters()["maxitems"]));
    }

    [Fact]
    public async Task ChangeAsync_CreateOfExistingSet_ThrowsRejectedWithRoute53Message()
    {
        _route53.Add("a.example.test.", "A", 300, "192.0.2.1");
        var zone = new Route53HostedZone(_client, "Z0TEST", "example.test.");

        var error = await Assert.ThrowsAsync<Route53ChangeRejectedException>(() =>
            zone.ChangeAsync([new RecordSetChange(Action.Create, new HostedZoneRecordSet("a.example.test.", "A", 300, ["192.0.2.2"]))], "t", default));

        Assert.Contains("but it already exists", error.Route53Message, StringComparison.Ordinal);
        Assert.Equal(["192.0.2.1"], _route53.Find("a.example.test.", "A")!.Value.Values);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task ChangeAsync_DeleteWithOtherValues_ThrowsRejectedAndKeepsTheBatchOut()
    {
        _route53.Add("a.example.test.", "A", 300, "192.0.2.1");
        var zone = new Route53HostedZone(_client, "Z0TEST", "example.test.");
        RecordSetChange[] batch =
        [
            new(Action.Create, new HostedZoneRecordSet("b.example.test.", "A", 300, ["192.0.2.2"])),
            new(Action.Delete, new HostedZoneRecordSet("a.example.test.", "A", 300, ["192.0.2.99"])),
        ];

        var error = await Assert.ThrowsAsync<Route53ChangeRejectedException>(() => zone.ChangeAsync(batch, "t", default));

        Assert.Contains("do not match the current values", error.Message, StringComparison.Ordinal);
        Assert.Null(_route53.Find("b.example.test.", "A"));
    }

    [Fact]
    public async Task ChangeAsync_OverTheRecordLimit_ThrowsRejected()
    {
        var zone = new Route53HostedZone(_client, "Z0TEST", "example.test.");
        var values = Enumerable.Range(0, 501).Select(i => $"192.0.{i / 250}.{i % 250}").ToArray();

        var error = await Assert.ThrowsAsync<Route53ChangeRejectedException>(() =>
            zone.ChangeAsync([new RecordSetChange(Action.Upsert, new HostedZoneRecordSet("big.example.test.", "A", 60, values))], "t", default));

        Assert.Contains("1002 records", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _route53.Count);
    }

    [Fact]
    public async Task ChangeAsync_ThrottlingThenPriorRequestNotComplete_RetriesAndApplies()
    {
        _route53.FailNextChange("Throttling");
        _route53.FailNextChange("PriorRequestNotComplete");
        var zone = new Route53HostedZone(_client, "Z0TEST", "example.test.");

        var id = await zone.ChangeAsync([new RecordSetChange(Action.Create, new HostedZoneRecordSet("c.example.test.", "TXT", 60, ["\"hello world\""]))], "t", default);

        Assert.Equal("/change/C000001", id);
        Assert.Equal(3, _stub.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(["\"hello world\""], _route53.Find("c.example.test.", "TXT")!.Value.Values);
    }

    [Fact]
    public async Task WaitInSyncAsync_PendingTwice_PollsUntilInSync()
    {
        var zone = new Route53HostedZone(_client, "Z0TEST", "example.test.", pollInterval: TimeSpan.FromMilliseconds(1));
        var id = await zone.ChangeAsync([new RecordSetChange(Action.Create, new HostedZoneRecordSet("d.example.test.", "A", 60, ["192.0.2.4"]))], "t", default);

        await zone.WaitInSyncAsync(id, default);

        Assert.Equal(3, _route53.GetChangeCalls);
    }

    [Fact]
    public async Task WaitInSyncAsync_DeadlineBeforeInSync_ThrowsTimeout()
    {
        var bounded = _client.WithDeadline(DateTimeOffset.UtcNow.AddMilliseconds(200));
        var zone = new Route53HostedZone(bounded, "Z0TEST", "example.test.", pollInterval: TimeSpan.FromSeconds(1));
        var id = await zone.ChangeAsync([new RecordSetChange(Action.Create, new HostedZoneRecordSet("e.example.test.", "A", 60, ["192.0.2.5"]))], "t", default);

        await Assert.ThrowsAsync<TimeoutException>(() => zone.WaitInSyncAsync(id, default));

        Assert.Equal(1, _route53.GetChangeCalls);
    }

    [Theory]
    [InlineData("A", "CNAME")]
    [InlineData("CNAME", "TXT")]
    public async Task ChangeAsync_CnameBesideAnotherType_ThrowsRejectedAndKeepsTheZone(string existing, string created)
    {
        _route53.Add("example.test.", "SOA", 900, "ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400");
        _route53.Add("x.example.test.", existing, 300, existing == "A" ? "192.0.2.1" : "y.example.test.");
        var zone = new Route53HostedZone(_client, "Z0TEST", "example.test.");
        var value = created == "CNAME" ? "z.example.test." : "\"t\"";

        var error = await Assert.ThrowsAsync<Route53ChangeRejectedException>(() =>
            zone.ChangeAsync([new RecordSetChange(Action.Create, new HostedZoneRecordSet("x.example.test.", created, 300, [value]))], "t", default));

        Assert.Contains("conflicts with other records with the same DNS name", error.Route53Message, StringComparison.Ordinal);
        Assert.Null(_route53.Find("x.example.test.", created));
        Assert.NotNull(_route53.Find("x.example.test.", existing));
    }

    [Fact]
    public async Task ChangeAsync_CnameAtApex_ThrowsRejected()
    {
        _route53.Add("example.test.", "SOA", 900, "ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400");
        var zone = new Route53HostedZone(_client, "Z0TEST", "example.test.");

        var error = await Assert.ThrowsAsync<Route53ChangeRejectedException>(() =>
            zone.ChangeAsync([new RecordSetChange(Action.Create, new HostedZoneRecordSet("example.test.", "CNAME", 300, ["elsewhere.example.net."]))], "t", default));

        Assert.Contains("not permitted at apex", error.Route53Message, StringComparison.Ordinal);
        Assert.Null(_route53.Find("example.test.", "CNAME"));
    }

    [Fact]
    public async Task ChangeAsync_DeleteThenCnameInOneBatch_Applies()
    {
        _route53.Add("example.test.", "SOA", 900, "ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400");
        _route53.Add("x.example.test.", "A", 300, "192.0.2.1");
        var zone = new Route53HostedZone(_client, "Z0TEST", "example.test.");
        RecordSetChange[] batch =
        [
            new(Action.Delete, new HostedZoneRecordSet("x.example.test.", "A", 300, ["192.0.2.1"])),
            new(Action.Create, new HostedZoneRecordSet("x.example.test.", "CNAME", 300, ["z.example.test."])),
        ];

        await zone.ChangeAsync(batch, "t", default);

        Assert.Null(_route53.Find("x.example.test.", "A"));
        Assert.Equal(["z.example.test."], _route53.Find("x.example.test.", "CNAME")!.Value.Values);
    }
}

using DnsMirror.Diff;
using DnsMirror.Route53;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Harness.Route53;
using LambdaSuite.TestKit.Stubs;
using static DnsMirror.Tests.Support.Zones;

namespace DnsMirror.Tests.Diff;

/// <summary>
/// The planner's order against a stub that refuses a CNAME beside another type, batch by batch: a name turning from
/// A into CNAME, one turning from CNAME into A and TXT, and a CNAME changing target, applied in one batch and in one
/// batch per one or two records (so intermediate states are checked; an UPSERT counts twice).
/// </summary>
public sealed class ZonePlanCnameOrderTests : IAsyncLifetime
{
    private readonly FakeRoute53 _route53 = new("Z0CNAME", pageSize: 100, pendingPolls: 0);
    private AwsStubServer _stub = null!;
    private Route53HostedZone _zone = null!;

    public async Task InitializeAsync()
    {
        _stub = await AwsStubServer.StartAsync();
        _stub.Responder = _route53.RespondTo;
        var client = StubClientFactory.For(_stub, new AwsRetryPolicy { MaxAttempts = 1 }).CreateRoute53();
        _zone = new Route53HostedZone(client, "Z0CNAME", Origin, pollInterval: TimeSpan.FromMilliseconds(1));
        _route53.Add(Origin, "SOA", 900, "ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400");
        _route53.Add(Origin, "NS", 172800, "ns-1.awsdns-00.com.");
        _route53.Add("swap.example.test.", "A", 300, "192.0.2.1");
        _route53.Add("back.example.test.", "CNAME", 300, "target.example.test.");
        _route53.Add("keep.example.test.", "CNAME", 300, "old.example.test.");
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Theory]
    [InlineData(1000)]
    [InlineData(2)]
    public async Task ApplyAsync_NamesChangingBetweenCnameAndOtherTypes_EveryBatchAccepted(int recordsPerBatch)
    {
        var source = Snapshot(2,
            Rr.Name("swap.example.test.", DnsRecordType.CNAME, "target.example.test."),
            Rr.A("back.example.test.", "192.0.2.2"),
            Rr.Txt("back.example.test.", "now an address"),
            Rr.Name("keep.example.test.", DnsRecordType.CNAME, "new.example.test."));
        var diff = ZoneDiffer.Diff(source, await _zone.ListRecordSetsAsync(default));
        var plan = ZonePlanner.Plan(diff, source, new PlanOptions { MaxResourceRecordsPerBatch = recordsPerBatch, MaxDeletePercent = 100 });

        var result = await ZonePlanApplier.ApplyAsync(_zone, plan, dryRun: false, TextWriter.Null);

        Assert.Null(plan.RefusalReason);
        Assert.Equal(plan.Batches.Count, result.ChangeIds.Count);
        Assert.Equal(plan.Batches.Count, _route53.AcceptedBatchSizes.Count);
        Assert.Equal(recordsPerBatch == 2, plan.Batches.Count >= 5);
        Assert.Equal(["target.example.test."], _route53.Find("swap.example.test.", "CNAME")!.Value.Values);
        Assert.Null(_route53.Find("swap.example.test.", "A"));
        Assert.Null(_route53.Find("back.example.test.", "CNAME"));
        Assert.Equal(["192.0.2.2"], _route53.Find("back.example.test.", "A")!.Value.Values);
        Assert.NotNull(_route53.Find("back.example.test.", "TXT"));
        Assert.Equal(["new.example.test."], _route53.Find("keep.example.test.", "CNAME")!.Value.Values);
    }
}

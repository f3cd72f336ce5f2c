using System.Diagnostics;
using DnsMirror.Diff;
using DnsMirror.Route53;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Harness.Route53;
using LambdaSuite.TestKit.Stubs;

namespace DnsMirror.Tests.Diff;

/// <summary>
/// A delta of three batches applied over the Route 53 client to the loopback fake holding Route 53's change bucket:
/// paced to the budget, nothing is throttled; when another caller in the account has spent the bucket, the throttled
/// batch alone is sent again (by the client's retry, with backoff) and every batch lands exactly once.
/// </summary>
public sealed class ZonePlanApplierBudgetTests : IAsyncLifetime
{
    private const int Sets = 2500;
    private readonly FakeRoute53 _route53 = new("Z0PACE", pendingPolls: 0);
    private AwsStubServer _stub = null!;

    public async Task InitializeAsync()
    {
        _route53.Add("example.test.", "SOA", 900, "ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 2 7200 900 1209600 86400");
        _stub = await AwsStubServer.StartAsync();
        _stub.Responder = _route53.RespondTo;
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task ApplyAsync_PacedToTheBudget_NoBatchThrottledAndTheWaitsTaken()
    {
        _route53.ChangeBudget = new FakeChangeBudget(burst: 1000, perSecond: 2000);
        var (zone, plan) = await PlanAsync(new AwsRetryPolicy());
        var watch = Stopwatch.StartNew();

        var result = await ZonePlanApplier.ApplyAsync(zone, plan, dryRun: false, TextWriter.Null, default, new ChangeBudget(changeBurst: 1000, changesPerSecond: 2000));

        Assert.Equal(3, result.ChangeIds.Count);
        Assert.Equal([1000, 1000, 500], _route53.AcceptedBatchSizes);
        Assert.Equal(0, _route53.ThrottledChanges);
        Assert.Equal(3, ChangePosts());
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(700), $"1,500 changes past a 1,000 burst at 2,000 a second wait 0.75 s; took {watch.Elapsed}");
        Assert.Equal(Sets + 1, _route53.Count);
    }

    [Fact]
    public async Task ApplyAsync_BucketSpentByAnotherCaller_ThrottledBatchRetriedAloneEveryBatchOnce()
    {
        _route53.ChangeBudget = new FakeChangeBudget(burst: 1000, perSecond: 1000);
        var retries = new AwsRetryPolicy { MaxAttempts = 10, ThrottlingBaseDelay = TimeSpan.FromMilliseconds(150), MaxDelay = TimeSpan.FromSeconds(1), Random = () => 1.0 };
        var (zone, plan) = await PlanAsync(retries);
        _route53.ChangeBudget.Spend(700);

        var result = await ZonePlanApplier.ApplyAsync(zone, plan, dryRun: false, TextWriter.Null, default, new ChangeBudget(changeBurst: 1000, changesPerSecond: 1000));

        Assert.Equal(3, result.ChangeIds.Count);
        Assert.Equal([1000, 1000, 500], _route53.AcceptedBatchSizes);
        Assert.True(_route53.ThrottledChanges >= 1, "the first batch meets a bucket another caller spent");
        Assert.Equal(3 + _route53.ThrottledChanges, ChangePosts());
        Assert.Equal(Sets + 1, _route53.Count);
    }

    private async Task<(Route53HostedZone Zone, ZonePlan Plan)> PlanAsync(AwsRetryPolicy retries)
    {
        var records = new List<DnsMirror.Wire.DnsResourceRecord> { Rr.Soa("example.test.", 2) };
        records.AddRange(Enumerable.Range(0, Sets).Select(i => Rr.A($"host{i}.example.test.", $"192.0.2.{i % 250}")));
        var source = new ZoneSnapshot("example.test.", 2, records, "test", 1, 0);
        var zone = new Route53HostedZone(StubClientFactory.For(_stub, retries).CreateRoute53(), "Z0PACE", "example.test", TimeSpan.FromMilliseconds(1));
        var plan = ZonePlanner.Plan(ZoneDiffer.Diff(source, await zone.ListRecordSetsAsync(default)), source);
        Assert.Equal((3, null), (plan.Batches.Count, plan.Diff.SerialChange));
        return (zone, plan);
    }

    private int ChangePosts() => _stub.Requests.Count(r => r.Method == "POST" && r.RawPath.EndsWith("/rrset/", StringComparison.Ordinal));
}

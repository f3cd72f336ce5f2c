using System.Diagnostics;
using System.Globalization;
using DnsMirror.Tests.Support;
using LambdaSuite.Harness.Route53;

namespace DnsMirror.Tests.Sync;

/// <summary>
/// The change budget on the incremental path: the function's Route 53 client paced as for AWS's own endpoint, a BIND 9
/// primary of the test's own, and the loopback hosted zone keeping Route 53's change bucket (the figures the function
/// assumes for the account: 1,000 changes at once, 500 a second). A delta of three full batches arrives by IXFR; the
/// function waits for the bucket between them instead of being throttled.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IncrementalBudgetIntegrationTests : IAsyncLifetime
{
    private const string Zone = "example.test.";
    private MirrorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MirrorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task InvokeAsync_LargeDeltaOnPacedEndpoint_IncrementalBatchesPacedNoneThrottled()
    {
        var records = Enumerable.Range(0, 3000).Select(i => new KeyValuePair<string, string>($"h{i:D5}", string.Create(CultureInfo.InvariantCulture, $"300 IN A 10.0.{i / 256}.{i % 256}")));
        await using var primary = await IxfrPrimary.StartAsync(Zone, "ixfr-from-differences yes; max-ixfr-ratio unlimited;", 700, records);
        var settings = new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, Masters = new[] { primary.Address } };
        await MirrorHarness.RunZoneAsync(_harness.NewPacedFunction(), settings);
        for (var i = 0; i < 2400; i++)
        {
            primary.Records[$"n{i:D5}"] = string.Create(CultureInfo.InvariantCulture, $"300 IN A 10.1.{i / 256}.{i % 256}");
        }

        await primary.PublishAsync(701);
        // The fake's bucket starts full here; the function's may still be refilling after the first run, which only makes it wait longer.
        _harness.Route53.ChangeBudget = new FakeChangeBudget(burst: 1000, perSecond: 500);
        var watch = Stopwatch.StartNew();

        var report = await MirrorHarness.RunZoneAsync(_harness.NewPacedFunction(), settings);

        watch.Stop();
        Assert.True("Synced" == report.GetProperty("Outcome").GetString(), report.ToString());
        Assert.True("Incremental" == report.GetProperty("Path").GetString(), report.ToString());
        Assert.True(report.GetProperty("Batches").GetInt32() >= 3, report.ToString());
        Assert.Equal(0, _harness.Route53.ThrottledChanges);
        // 2,402 change tokens (2,400 creates and the SOA's UPSERT) against 1,000 at once and 500 a second.
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(2.5), $"the run took {watch.Elapsed}, less than the bucket allows");
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
    }
}

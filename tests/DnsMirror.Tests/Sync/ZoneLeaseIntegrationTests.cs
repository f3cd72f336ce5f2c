using System.Text.Json;
using DnsMirror.Tests.Support;
using LambdaSuite.TestKit.Runtime;
using LambdaSuite.TestKit.Stubs;

namespace DnsMirror.Tests.Sync;

/// <summary>
/// One run at a time per zone: two function instances (two containers) sync example.test from the stack's BIND
/// primary into one hosted zone at once, with zone state and leases in DynamoDB Local.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ZoneLeaseIntegrationTests : IAsyncLifetime
{
    private const string Zone = "example.test.";
    private static readonly object s_settings = new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, MaxDeletePercent = 100 };
    private MirrorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MirrorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task InvokeAsync_TwoConcurrentRunsOfOneZone_OneAppliesTheOtherIsBusy()
    {
        // Whichever run takes the lease stops at its INSYNC wait until the gate opens; the other must be done by
        // then without ever reaching Route 53's change API.
        using var gate = new ManualResetEventSlim();
        _harness.Stub.Responder = request =>
        {
            if (request.Method == "GET" && request.RawPath.Contains("/change/", StringComparison.Ordinal) && !gate.Wait(TimeSpan.FromSeconds(30)))
            {
                return StubResponse.Json("""{"message":"gate never opened"}""", 500);
            }

            return _harness.Route53.RespondTo(request);
        };
        var first = MirrorHarness.RunZoneAsync(_harness.NewFunction(), s_settings);
        var second = MirrorHarness.RunZoneAsync(_harness.NewFunction(), s_settings);

        var early = await await Task.WhenAny(first, second);
        gate.Set();
        var reports = await Task.WhenAll(first, second);

        Assert.Equal("ZoneBusy", early.GetProperty("Outcome").GetString());
        Assert.Contains("lease", early.GetProperty("Error").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Synced", "ZoneBusy"], reports.Select(r => r.GetProperty("Outcome").GetString()).Order(StringComparer.Ordinal));
        var synced = reports.Single(r => r.GetProperty("Outcome").GetString() == "Synced");
        Assert.Equal(synced.GetProperty("Batches").GetInt32(), _harness.ChangePosts);
        Assert.Equal((0, 0), (early.GetProperty("Changes").GetInt32(), early.GetProperty("Batches").GetInt32()));
        var state = await _harness.Store.GetAsync(Zone);
        Assert.Equal(("Synced", 1L), (state!.Outcome, state.Version));
        Assert.Null(state.LeaseOwner);
    }

    [Fact]
    public async Task InvokeAsync_LeaseHeldByAnotherRun_ZoneBusyAndNothingRecorded()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.NotNull(await _harness.Store.TryAcquireLeaseAsync(Zone, "other-run", now, now.AddMinutes(6)));

        var report = await MirrorHarness.RunZoneAsync(_harness.NewFunction(), s_settings);

        Assert.Equal("ZoneBusy", report.GetProperty("Outcome").GetString());
        Assert.Equal(0, _harness.ChangePosts);
        var state = await _harness.Store.GetAsync(Zone);
        Assert.Equal(("other-run", 0L, (string?)null, (uint?)null), (state!.LeaseOwner, state.Version, state.Outcome, state.LastSerial));
    }

    [Fact]
    public async Task TryAcquireLeaseAsync_SameOwnerAgain_TakenAgainNotBusy()
    {
        // The SDK retries a take whose answer was lost after DynamoDB applied it: the retry must not find the zone
        // busy against the run that holds it, while another run still does.
        var now = DateTimeOffset.UtcNow;
        Assert.NotNull(await _harness.Store.TryAcquireLeaseAsync(Zone, "retried-run", now, now.AddMinutes(6)));

        var again = await _harness.Store.TryAcquireLeaseAsync(Zone, "retried-run", now, now.AddMinutes(6));
        var other = await _harness.Store.TryAcquireLeaseAsync(Zone, "other-run", now, now.AddMinutes(6));

        Assert.Equal("retried-run", again?.LeaseOwner);
        Assert.Null(other);
    }

    [Fact]
    public async Task InvokeAsync_ExpiredLease_IsTakenOverAndReleased()
    {
        var now = DateTimeOffset.UtcNow;
        Assert.NotNull(await _harness.Store.TryAcquireLeaseAsync(Zone, "crashed-run", now.AddMinutes(-7), now.AddSeconds(-1)));

        var report = await MirrorHarness.RunZoneAsync(_harness.NewFunction(), s_settings);

        Assert.Equal("Synced", report.GetProperty("Outcome").GetString());
        Assert.True(_harness.ChangePosts > 0);
        var state = await _harness.Store.GetAsync(Zone);
        Assert.Equal(("Synced", (string?)null), (state!.Outcome, state.LeaseOwner));
        Assert.NotNull(state.LastSerial);
    }

    [Fact]
    public async Task InvokeAsync_FailedRun_ReleasesTheLease()
    {
        var failing = new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, Masters = new[] { "127.0.0.1:1" } };

        var report = await MirrorHarness.RunZoneAsync(_harness.NewFunction(), failing);
        var stateAfterFailure = await _harness.Store.GetAsync(Zone);
        var retry = await MirrorHarness.RunZoneAsync(_harness.NewFunction(), s_settings);

        Assert.Equal("Failed", report.GetProperty("Outcome").GetString());
        Assert.Equal(("Failed", (string?)null, (DateTimeOffset?)null), (stateAfterFailure!.Outcome, stateAfterFailure.LeaseOwner, stateAfterFailure.LeaseExpiresAt));
        Assert.Equal("Synced", retry.GetProperty("Outcome").GetString());
    }

    [Fact]
    public async Task InvokeAsync_AllZonesWithOneBusy_OtherZonesStillRun()
    {
        await _harness.Store.PutConfigAsync(Zone, """{"ZoneId":"Z0E2E","MaxDeletePercent":100}""");
        await _harness.Store.PutConfigAsync("busy.test.", """{"ZoneId":"Z0E2E"}""");
        var now = DateTimeOffset.UtcNow;
        Assert.NotNull(await _harness.Store.TryAcquireLeaseAsync("busy.test.", "other-run", now, now.AddMinutes(6)));

        using var answer = JsonDocument.Parse(await _harness.NewFunction().InvokeAsync("""{"AllZones":true}"""u8.ToArray(), new TestLambdaContext()));

        var outcomes = answer.RootElement.GetProperty("Zones").EnumerateArray().ToDictionary(z => z.GetProperty("Zone").GetString()!, z => z.GetProperty("Outcome").GetString());
        Assert.Equal("ZoneBusy", outcomes["busy.test."]);
        Assert.Equal("Synced", outcomes[Zone]);
        Assert.Equal("other-run", (await _harness.Store.GetAsync("busy.test."))!.LeaseOwner);
    }
}

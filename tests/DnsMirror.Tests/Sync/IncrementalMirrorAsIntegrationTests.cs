using System.Globalization;
using System.Text.Json;
using DnsMirror.State;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Wire;
using LambdaSuite.Harness.Route53;

namespace DnsMirror.Tests.Sync;

/// <summary>
/// MirrorAs on the incremental path, against a BIND 9 primary of the test's own (<c>example.test.</c>, reloaded with
/// <c>ixfr-from-differences yes;</c>) mirrored into a hosted zone for <c>corp.aws.internal.</c>: the IXFR deltas are
/// renamed before they meet the stored records, which hold the mirrored names. After every run the hosted zone is
/// held against the primary's AXFR renamed (owners and in-zone targets), record by record.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IncrementalMirrorAsIntegrationTests : IAsyncLifetime
{
    private const string Zone = "example.test.";
    private const string MirrorAs = "corp.aws.internal.";
    private const string IxfrOptions = "ixfr-from-differences yes; max-ixfr-ratio unlimited;";
    private MirrorHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await MirrorHarness.StartAsync();
        _harness.Route53.Load(
        [
            new FakeRecordSet(MirrorAs, "SOA", 900, ["ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"]),
            new FakeRecordSet(MirrorAs, "NS", 172800, ["ns-1.awsdns-00.com."]),
        ]);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    /// <summary>Addresses plus one set of each type whose RDATA names a target: MX, CNAME, SRV, NS (with glue), and a target outside the zone.</summary>
    private static IEnumerable<KeyValuePair<string, string>> BaseRecords()
    {
        for (var i = 0; i < 30; i++)
        {
            yield return new($"h{i:D5}", string.Create(CultureInfo.InvariantCulture, $"300 IN A 10.0.0.{i}"));
        }

        yield return new("mail", "300 IN MX 10 h00001");
        yield return new("alias", "300 IN CNAME h00002");
        yield return new("_sip._tcp", "300 IN SRV 10 60 5060 h00003");
        yield return new("sub", "300 IN NS ns1.sub");
        yield return new("ns1.sub", "300 IN A 192.0.2.54");
        yield return new("ext", "300 IN CNAME www.elsewhere.test.");
    }

    private Task<JsonElement> RunAsync(IxfrPrimary primary) =>
        MirrorHarness.RunZoneAsync(_harness.NewFunction(), new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, Masters = new[] { primary.Address }, MaxDeletePercent = 100, MirrorAs = "corp.aws.internal" });

    private static void AssertReport(JsonElement report, string outcome, string path)
    {
        Assert.True(outcome == report.GetProperty("Outcome").GetString(), report.ToString());
        Assert.True(path == report.GetProperty("Path").GetString(), report.ToString());
    }

    /// <summary>The stored records, loaded as the next run would load them.</summary>
    private async Task<MirroredZone> StoredAsync()
    {
        var row = (await _harness.Store.GetAsync(Zone))!;
        var (zone, reason) = await new ZoneStateRepository(_harness.Store).LoadAsync(row, CancellationToken.None);
        Assert.True(zone is not null, reason);
        return zone;
    }

    private static void AssertHeldAsMirrored(MirroredZone zone)
    {
        Assert.Equal(MirrorAs, zone.Origin);
        Assert.All(zone.Records(), r => Assert.EndsWith(MirrorAs, r.Name, StringComparison.OrdinalIgnoreCase));
    }

    private static string StoredMx(MirroredZone zone) =>
        string.Join(",", zone.Records().Where(r => r.Type == DnsRecordType.MX).Select(r => RDataFormatter.Format(r.Type, r.Data)));

    [Fact]
    public async Task InvokeAsync_MirrorAsThenChangesOnPrimary_IncrementalRunsEqualRenamedAxfr()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 100, BaseRecords());
        var first = await RunAsync(primary);
        var listsAfterFirst = _harness.Route53.ListCalls;
        primary.Records["mail"] = "300 IN MX 10 h00004";
        primary.Records["alias"] = "300 IN CNAME h00005";
        primary.Records["_ldap._tcp"] = "300 IN SRV 0 0 389 h00006";
        primary.Records["sub"] = "300 IN NS ns2.sub";
        primary.Records["ns2.sub"] = "300 IN A 192.0.2.55";
        primary.Records.Remove("h00007");
        primary.Records["h00008"] = "300 IN A 172.16.0.8";
        await primary.PublishAsync(101);

        var second = await RunAsync(primary);
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53, MirrorAs);
        var storedAfterSecond = await StoredAsync();
        primary.Records["alias"] = "300 IN CNAME h00009";
        primary.Records.Remove("_sip._tcp");
        primary.Records.Remove("ns2.sub");
        primary.Records["sub"] = "300 IN NS ns.elsewhere.test.";
        await primary.PublishAsync(102);
        var third = await RunAsync(primary);
        var fourth = await RunAsync(primary);

        AssertReport(first, "Synced", "Full");
        AssertReport(second, "Synced", "Incremental");
        AssertReport(third, "Synced", "Incremental");
        Assert.False(second.TryGetProperty("Fallback", out _) || third.TryGetProperty("Fallback", out _), $"{second}\n{third}");
        Assert.Equal(listsAfterFirst, _harness.Route53.ListCalls);
        Assert.Equal(101u, storedAfterSecond.Serial);
        AssertHeldAsMirrored(storedAfterSecond);
        Assert.Equal("10 h00004.corp.aws.internal.", StoredMx(storedAfterSecond));
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53, MirrorAs);
        Assert.Equal(["h00009.corp.aws.internal."], _harness.Route53.Find("alias.corp.aws.internal.", "CNAME")!.Value.Values);
        Assert.Equal("Unchanged", fourth.GetProperty("Outcome").GetString());
        Assert.DoesNotContain(_harness.Route53.Sets, s => s.Name.EndsWith(Zone, StringComparison.Ordinal));
        Assert.Equal(102u, (await StoredAsync()).Serial);
    }

    [Fact]
    public async Task InvokeAsync_MirrorAsWholeZoneIxfrAnswer_RenamedComparedInFullAndStoredAsMirrored()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 200, BaseRecords(), serverOptions: "provide-ixfr no;");
        await RunAsync(primary);
        primary.Records["mail"] = "300 IN MX 10 h00004";
        primary.Records.Remove("h00007");
        await primary.PublishAsync(201);

        var report = await RunAsync(primary);

        AssertReport(report, "Synced", "Full");
        Assert.Contains("whole zone", report.GetProperty("Fallback").GetString(), StringComparison.Ordinal);
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53, MirrorAs);
        var stored = await StoredAsync();
        Assert.Equal(201u, stored.Serial);
        AssertHeldAsMirrored(stored);
        Assert.Equal("10 h00004.corp.aws.internal.", StoredMx(stored));
    }

    [Fact]
    public async Task InvokeAsync_StoredUnderAnotherOrigin_ComparedInFullAndStoredAsMirrored()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 300, BaseRecords());
        await RunAsync(primary);
        await StoreUnderOwnNameAsync(primary);
        // Additions only: such a delta would apply to records held under the other name without a conflict.
        primary.Records["added"] = "300 IN A 198.51.100.1";
        await primary.PublishAsync(301);

        var report = await RunAsync(primary);

        AssertReport(report, "Synced", "Full");
        Assert.Contains("mirrored as example.test.", report.GetProperty("Fallback").GetString(), StringComparison.Ordinal);
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53, MirrorAs);
        AssertHeldAsMirrored(await StoredAsync());
    }

    /// <summary>Rewrites the stored records as a run without MirrorAs into the same hosted zone would have stored them.</summary>
    private async Task StoreUnderOwnNameAsync(IxfrPrimary primary)
    {
        var row = (await _harness.Store.GetAsync(Zone))!;
        var repository = new ZoneStateRepository(_harness.Store);
        var zone = await StoredAsync();
        var records = await new ZoneTransferClient(new ZoneTransferOptions { Masters = [new DnsMaster("127.0.0.1", primary.Port)] }).TransferAsync(Zone);
        var saved = await repository.SaveAsync(row, zone.Serial, MirroredZoneCodec.Encode(Zone, zone.Serial, zone.TargetSoa, records.Records, records.Records.Count, zone.HostedZoneId), CancellationToken.None);
        await _harness.Store.RecordRunAsync(saved with { LastRunAt = DateTimeOffset.UtcNow }, row.Version);
    }
}

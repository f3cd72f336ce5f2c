using System.Globalization;
using System.Text.Json;
using DnsMirror.State;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;
using LambdaSuite.Data.DnsMirror;

namespace DnsMirror.Tests.Sync;

/// <summary>
/// The function's incremental path against BIND 9 (a primary of each test's own, reloaded with
/// <c>ixfr-from-differences yes;</c>), DynamoDB Local for the zone row and its stored records, the in-memory hosted
/// zone as target. After every run the hosted zone is held against the primary's AXFR as <c>dig</c> prints it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IncrementalSyncIntegrationTests : IAsyncLifetime
{
    private const string Zone = "example.test.";
    private const string IxfrOptions = "ixfr-from-differences yes; max-ixfr-ratio unlimited;";
    private const string TsigVariable = "DNS_MIRROR_TSIG_IXFR";
    private MirrorHarness _harness = null!;

    public async Task InitializeAsync() =>
        _harness = await MirrorHarness.StartAsync(new Dictionary<string, string> { [TsigVariable] = IxfrPrimary.StackKey().Secret });

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static IEnumerable<KeyValuePair<string, string>> BaseRecords(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new($"h{i:D5}", string.Create(CultureInfo.InvariantCulture, $"300 IN A 10.{i / 65536}.{i / 256 % 256}.{i % 256}"));
        }

        yield return new("mail", "300 IN MX 10 h00001");
        yield return new("text", "600 IN TXT \"v=spf1 -all\" \"second string\"");
        yield return new("alias", "300 IN CNAME h00002");
    }

    private static object Settings(IxfrPrimary primary, bool tsig = false) => tsig
        ? new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, Masters = new[] { primary.Address }, MaxDeletePercent = 100, Tsig = new { KeyName = IxfrPrimary.StackKey().Name, Algorithm = "hmac-sha256", SecretEnv = TsigVariable } }
        : new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, Masters = new[] { primary.Address }, MaxDeletePercent = 100 };

    /// <summary>Change i of a run: a new address for one base record, a new record, or a deleted base record, by turns.</summary>
    private static void Change(IxfrPrimary primary, int i, string tag)
    {
        switch (i % 3)
        {
            case 0:
                primary.Records[$"h{i:D5}"] = string.Create(CultureInfo.InvariantCulture, $"300 IN A 172.16.{i / 256 % 256}.{i % 256}");
                break;
            case 1:
                primary.Records[$"n{tag}{i:D5}"] = string.Create(CultureInfo.InvariantCulture, $"120 IN A 198.51.100.{i % 256}");
                break;
            default:
                primary.Records.Remove($"h{i:D5}");
                break;
        }
    }

    private async Task<JsonElement> RunAsync(IxfrPrimary primary, bool tsig = false) =>
        await MirrorHarness.RunZoneAsync(_harness.NewFunction(), Settings(primary, tsig));

    private static void AssertReport(JsonElement report, string outcome, string path)
    {
        Assert.True(outcome == report.GetProperty("Outcome").GetString(), report.ToString());
        Assert.Equal(path, report.GetProperty("Path").GetString());
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(50, 1)]
    [InlineData(50, 50)]
    [InlineData(5000, 1)]
    [InlineData(5000, 10)]
    public async Task InvokeAsync_ChangesOnPrimary_IncrementalRunWithoutListingEqualsAxfr(int changes, int reloads)
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 100, BaseRecords(changes < 100 ? 200 : 4000));
        var first = await RunAsync(primary);
        var listsAfterFirst = _harness.Route53.ListCalls;
        var perReload = (changes + reloads - 1) / reloads;
        for (var reload = 0; reload < reloads; reload++)
        {
            for (var i = reload * perReload; i < Math.Min(changes, (reload + 1) * perReload); i++)
            {
                Change(primary, i, "x");
            }

            await primary.PublishAsync(primary.Serial + 1);
        }

        var second = await RunAsync(primary);
        var postsAfterSecond = _harness.Stub.Requests.Count;
        var third = await RunAsync(primary);

        AssertReport(first, "Synced", "Full");
        AssertReport(second, "Synced", "Incremental");
        Assert.False(second.TryGetProperty("Fallback", out _), second.ToString());
        Assert.Equal(listsAfterFirst, _harness.Route53.ListCalls);
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
        Assert.Equal("Unchanged", third.GetProperty("Outcome").GetString());
        Assert.Equal(postsAfterSecond, _harness.Stub.Requests.Count);
        Assert.Equal(primary.Serial, (await _harness.Store.GetAsync(Zone))!.StateSerial);
    }

    [Fact]
    public async Task InvokeAsync_TsigSignedIxfr_IncrementalEqualsAxfr()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 7, BaseRecords(100), keyOnly: true);
        await RunAsync(primary, tsig: true);
        Change(primary, 3, "t");
        Change(primary, 4, "t");
        await primary.PublishAsync(8);

        var report = await RunAsync(primary, tsig: true);

        AssertReport(report, "Synced", "Incremental");
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
    }

    [Fact]
    public async Task InvokeAsync_SerialWrapsPast2To32_IncrementalEqualsAxfr()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 4294967290, BaseRecords(50));
        await RunAsync(primary);
        Change(primary, 0, "w");
        Change(primary, 1, "w");
        await primary.PublishAsync(3);

        var report = await RunAsync(primary);

        AssertReport(report, "Synced", "Incremental");
        Assert.Equal(3u, report.GetProperty("MasterSerial").GetUInt32());
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
        Assert.Equal(3u, (await _harness.Store.GetAsync(Zone))!.LastSerial);
    }

    [Fact]
    public async Task InvokeAsync_ProvideIxfrNo_WholeZoneAnswerComparedInFull()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 10, BaseRecords(100), serverOptions: "provide-ixfr no;");
        await RunAsync(primary);
        var listsAfterFirst = _harness.Route53.ListCalls;
        Change(primary, 0, "p");
        await primary.PublishAsync(11);

        var report = await RunAsync(primary);

        AssertReport(report, "Synced", "Full");
        Assert.Contains("whole zone", report.GetProperty("Fallback").GetString(), StringComparison.Ordinal);
        Assert.True(_harness.Route53.ListCalls > listsAfterFirst);
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
    }

    [Fact]
    public async Task InvokeAsync_JournalTooShort_WholeZoneAnswerComparedInFull()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions + " max-journal-size 1k;", 20, BaseRecords(100));
        await RunAsync(primary);
        for (var i = 0; i < 30; i++)
        {
            primary.Records[$"j{i:D3}"] = "300 IN TXT \"" + new string('j', 60) + "\"";
            await primary.PublishAsync(primary.Serial + 1);
        }

        var report = await RunAsync(primary);

        AssertReport(report, "Synced", "Full");
        Assert.Contains("whole zone", report.GetProperty("Fallback").GetString(), StringComparison.Ordinal);
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
    }

    [Fact]
    public async Task InvokeAsync_DeltaConflictsWithStoredRecords_AxfrAndFullComparison()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 30, BaseRecords(60));
        await RunAsync(primary);
        await DropFromStoredStateAsync("h00002." + Zone);
        primary.Records.Remove("h00002");
        await primary.PublishAsync(31);

        var report = await RunAsync(primary);

        AssertReport(report, "Synced", "Full");
        Assert.Contains("which the stored records do not hold", report.GetProperty("Fallback").GetString(), StringComparison.Ordinal);
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
        Assert.Equal(31u, (await _harness.Store.GetAsync(Zone))!.StateSerial);
    }

    [Fact]
    public async Task InvokeAsync_HostedZoneEditedByHand_RejectedBatchLeadsToFullComparison()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 40, BaseRecords(60));
        await RunAsync(primary);
        _harness.Route53.Add("nh00001.example.test.", "A", 60, "203.0.113.1");
        Change(primary, 1, "h");
        await primary.PublishAsync(41);

        var report = await RunAsync(primary);

        AssertReport(report, "Synced", "Full");
        Assert.Contains("already exists", report.GetProperty("Fallback").GetString(), StringComparison.Ordinal);
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
    }

    [Fact]
    public async Task InvokeAsync_ZoneMovedToAnotherHostedZone_ComparedInFull()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 50, BaseRecords(30));
        await RunAsync(primary);
        var row = (await _harness.Store.GetAsync(Zone))!;
        var repository = new ZoneStateRepository(_harness.Store);
        var (zone, _) = await repository.LoadAsync(row, CancellationToken.None);
        var records = zone!.Records().ToList();
        var saved = await repository.SaveAsync(row, zone.Serial, MirroredZoneCodec.Encode(zone.Origin, zone.Serial, zone.TargetSoa, records, records.Count, "ZOTHER"), CancellationToken.None);
        await _harness.Store.RecordRunAsync(saved with { LastRunAt = DateTimeOffset.UtcNow }, row.Version);
        Change(primary, 0, "m");
        await primary.PublishAsync(51);

        var report = await RunAsync(primary);

        AssertReport(report, "Synced", "Full");
        Assert.Contains("hosted zone ZOTHER", report.GetProperty("Fallback").GetString(), StringComparison.Ordinal);
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
    }

    /// <summary>Rewrites the stored records without one owner's, at the same serial, as a damaged or stale state would be.</summary>
    private async Task DropFromStoredStateAsync(string owner)
    {
        var row = (await _harness.Store.GetAsync(Zone))!;
        var repository = new ZoneStateRepository(_harness.Store);
        var (zone, reason) = await repository.LoadAsync(row, CancellationToken.None);
        Assert.True(zone is not null, reason);
        var kept = zone.Records().Where(r => !string.Equals(r.Name, owner, StringComparison.OrdinalIgnoreCase)).ToList();
        var saved = await repository.SaveAsync(row, zone.Serial, MirroredZoneCodec.Encode(zone.Origin, zone.Serial, zone.TargetSoa, kept, kept.Count, zone.HostedZoneId), CancellationToken.None);
        await _harness.Store.RecordRunAsync(saved with { LastRunAt = DateTimeOffset.UtcNow }, row.Version);
    }
}

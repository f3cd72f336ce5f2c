using System.Globalization;
using System.Text.Json;
using DnsMirror.State;
using DnsMirror.Tests.Support;
using LambdaSuite.Harness.Route53;

namespace DnsMirror.Tests.Sync;

/// <summary>
/// The drift audit on a zone whose stored records would let an ordinary run go incremental, against a BIND 9 primary
/// of the test's own and DynamoDB Local. Ordinary runs never list the hosted zone, so they cannot see hand edits; an
/// audit always takes the full path, repairs them, reports them and stores the records it mirrored, after which the
/// ordinary runs go incremental again from those records.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IncrementalAuditIntegrationTests : IAsyncLifetime
{
    private const string Zone = "example.test.";
    private const string IxfrOptions = "ixfr-from-differences yes; max-ixfr-ratio unlimited;";
    private MirrorHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await MirrorHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static IEnumerable<KeyValuePair<string, string>> BaseRecords()
    {
        for (var i = 0; i < 60; i++)
        {
            yield return new($"h{i:D5}", string.Create(CultureInfo.InvariantCulture, $"300 IN A 10.0.0.{i}"));
        }

        yield return new("mail", "300 IN MX 10 h00001");
    }

    private Task<JsonElement> RunAsync(IxfrPrimary primary, bool audit = false) =>
        MirrorHarness.RunZoneAsync(_harness.NewFunction(), new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, Masters = new[] { primary.Address }, MaxDeletePercent = 100, Audit = audit });

    private static void AssertReport(JsonElement report, string outcome, string? path)
    {
        Assert.True(outcome == report.GetProperty("Outcome").GetString(), report.ToString());
        Assert.True(path == (report.TryGetProperty("Path", out var p) ? p.GetString() : null), report.ToString());
    }

    private void EditByHand()
    {
        _harness.Route53.Add("handmade.example.test.", "TXT", 60, "\"added in the console\"");
        _harness.Route53.Add("h00010.example.test.", "A", 300, "198.51.100.7");
        Assert.True(_harness.Route53.TryChange([new FakeRecordSetChange(FakeRecordSetChange.Delete, _harness.Route53.Find("h00011.example.test.", "A")!.Value)], out _, out _, out _));
    }

    [Fact]
    public async Task InvokeAsync_HandEditsThenAudit_OrdinaryRunsMissThemAuditRepairsAndStoresThenIncremental()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 500, BaseRecords());
        await RunAsync(primary);
        EditByHand();
        var listsBefore = _harness.Route53.ListCalls;
        var unchanged = await RunAsync(primary);
        primary.Records["h00020"] = "300 IN A 172.16.0.20";
        await primary.PublishAsync(501);
        var incremental = await RunAsync(primary);
        var listsBeforeAudit = _harness.Route53.ListCalls;
        var handmadeAfterOrdinaryRuns = _harness.Route53.Find("handmade.example.test.", "TXT");
        // The stored records lose h00030: only a store by the audit can give it back, which the next delta (deleting it) then needs.
        await DropFromStoredStateAsync("h00030." + Zone);
        var rowBeforeAudit = (await _harness.Store.GetAsync(Zone))!;

        var audit = await RunAsync(primary, audit: true);
        var rowAfterAudit = (await _harness.Store.GetAsync(Zone))!;
        var listsAfterAudit = _harness.Route53.ListCalls;
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
        primary.Records.Remove("h00030");
        primary.Records["h00031"] = "300 IN A 172.16.0.31";
        await primary.PublishAsync(502);
        var next = await RunAsync(primary);
        var last = await RunAsync(primary);

        AssertReport(unchanged, "Unchanged", null);
        AssertReport(incremental, "Synced", "Incremental");
        Assert.Equal(listsBefore, listsBeforeAudit);
        Assert.NotNull(handmadeAfterOrdinaryRuns);
        AssertReport(audit, "Synced", "Full");
        Assert.True(listsAfterAudit > listsBeforeAudit, "an audit lists the hosted zone");
        var repairs = audit.GetProperty("Audit");
        Assert.Equal((1, 1, 1, true, false), (repairs.GetProperty("Created").GetInt32(), repairs.GetProperty("Updated").GetInt32(), repairs.GetProperty("Deleted").GetInt32(), repairs.GetProperty("Applied").GetBoolean(), repairs.GetProperty("SerialMoved").GetBoolean()));
        Assert.Equal(
            ["CREATE h00011.example.test. A", "DELETE handmade.example.test. TXT", "UPSERT h00010.example.test. A"],
            repairs.GetProperty("RecordSets").EnumerateArray().Select(r => $"{r.GetProperty("Action").GetString()} {r.GetProperty("Name").GetString()} {r.GetProperty("Type").GetString()}").Order(StringComparer.Ordinal));
        Assert.NotEqual(rowBeforeAudit.StateSlot, rowAfterAudit.StateSlot);
        Assert.Equal((501u, 501u), (rowAfterAudit.LastSerial, rowAfterAudit.StateSerial));
        AssertReport(next, "Synced", "Incremental");
        Assert.False(next.TryGetProperty("Fallback", out _), next.ToString());
        Assert.Equal(listsAfterAudit, _harness.Route53.ListCalls);
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
        AssertReport(last, "Unchanged", null);
    }

    [Fact]
    public async Task InvokeAsync_AuditWhilePrimaryMoved_FullPathNotIncrementalAndStored()
    {
        await using var primary = await IxfrPrimary.StartAsync(Zone, IxfrOptions, 600, BaseRecords());
        await RunAsync(primary);
        EditByHand();
        primary.Records["h00040"] = "300 IN A 172.16.0.40";
        primary.Records.Remove("h00041");
        await primary.PublishAsync(601);
        var listsBefore = _harness.Route53.ListCalls;

        var audit = await RunAsync(primary, audit: true);

        AssertReport(audit, "Synced", "Full");
        Assert.False(audit.TryGetProperty("Fallback", out _), audit.ToString());
        Assert.True(_harness.Route53.ListCalls > listsBefore, "an audit lists the hosted zone even when IXFR could serve the run");
        var repairs = audit.GetProperty("Audit");
        Assert.True(repairs.GetProperty("SerialMoved").GetBoolean());
        Assert.Equal(
            ["CREATE h00011.example.test. A", "DELETE h00041.example.test. A", "DELETE handmade.example.test. TXT", "UPSERT example.test. SOA", "UPSERT h00010.example.test. A", "UPSERT h00040.example.test. A"],
            repairs.GetProperty("RecordSets").EnumerateArray().Select(r => $"{r.GetProperty("Action").GetString()} {r.GetProperty("Name").GetString()} {r.GetProperty("Type").GetString()}").Order(StringComparer.Ordinal));
        await MirrorJudge.AssertMirrorsAsync(primary, _harness.Route53);
        var row = (await _harness.Store.GetAsync(Zone))!;
        Assert.Equal((601u, 601u), (row.LastSerial, row.StateSerial));
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

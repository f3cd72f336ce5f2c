using System.Text.Json;
using DnsMirror.Rfc2136;
using DnsMirror.Transfer;
using DnsMirror.Tsig;
using DnsMirror.Wire;
using LambdaSuite.TestKit;

namespace Cli.Tests.Dns;

/// <summary>
/// `dns plan` and `dns sync` in-process from the local stack's BIND 9 primary into its secondary site (real
/// TSIG-signed AXFR and RFC 2136 UPDATEs). Drift is made in tsig.example.test, a zone no other test writes to
/// the secondary; example.test, which other test assemblies mirror too, is only synced to its source content,
/// a no-op whoever runs first, and checked by end state.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DnsSyncCommandTests
{
    private const string DriftZone = "tsig.example.test";
    private static readonly string[] s_phases = ["transfer", "list", "diff", "apply", "total"];

    [Fact]
    public async Task PlanThenSync_StrayRecordOnSecondary_PlanKeepsItSyncRemovesItSecondSyncInSync()
    {
        var stray = StrayRecord();
        await SendToSecondaryAsync(adds: [stray]);
        try
        {
            var plan = await RunAsync("plan", DriftZone, "--max-delete-percent", "100", "--json");
            var afterPlan = await ReadSecondaryAsync(DriftZone);
            var sync = await RunAsync("sync", DriftZone, "--max-delete-percent", "100", "--json");
            var afterSync = await ReadSecondaryAsync(DriftZone);
            var again = await RunAsync("sync", DriftZone, "--json");
            var text = await RunAsync("plan", DriftZone);

            Assert.True(plan.ExitCode == 0, plan.ToString());
            using var planned = JsonDocument.Parse(plan.Output);
            Assert.Equal("planned", planned.RootElement.GetProperty("outcome").GetString());
            Assert.True(planned.RootElement.GetProperty("changes").GetInt32() >= 1);
            Assert.Equal(0, planned.RootElement.GetProperty("requests").GetInt32());
            var planText = planned.RootElement.GetProperty("plan").GetString()!;
            Assert.Contains($"  DELETE {stray.Name} ", planText, StringComparison.Ordinal);
            Assert.Contains("dry run: nothing changed", planText, StringComparison.Ordinal);
            Assert.Contains(afterPlan.Records, r => r.Name == stray.Name);

            Assert.True(sync.ExitCode == 0, sync.ToString());
            using var applied = JsonDocument.Parse(sync.Output);
            Assert.Equal("applied", applied.RootElement.GetProperty("outcome").GetString());
            Assert.True(applied.RootElement.GetProperty("requests").GetInt32() >= 1);
            Assert.DoesNotContain(afterSync.Records, r => r.Name == stray.Name);
            Assert.Contains(afterSync.Records, r => r.Name == "secret.tsig.example.test." && r.Type == DnsRecordType.TXT);
            // BIND moves a zone's serial on every UPDATE that sets none (the hand edit above is one), and the mirror
            // only ever moves it forward, so the secondary may be ahead of the source but never behind it.
            Assert.False(SerialNumber.IsNewer(await PrimarySerialAsync(DriftZone), afterSync.Serial));

            Assert.True(again.ExitCode == 0, again.ToString());
            using var inSync = JsonDocument.Parse(again.Output);
            Assert.Equal(("in-sync", 0, 0), (inSync.RootElement.GetProperty("outcome").GetString(), inSync.RootElement.GetProperty("changes").GetInt32(), inSync.RootElement.GetProperty("requests").GetInt32()));
            Assert.StartsWith($"{DriftZone}: in-sync, 0 change(s), 0 request(s) sent (transfer ", text.Lines[^1], StringComparison.Ordinal);
        }
        finally
        {
            await SendToSecondaryAsync(deletes: [stray]);
        }
    }

    [Fact]
    public async Task Sync_DeletesPastMaxDeletePercent_RefusedExitOneAndForceApplies()
    {
        var stray = StrayRecord();
        await SendToSecondaryAsync(adds: [stray]);
        try
        {
            var refused = await RunAsync("sync", DriftZone, "--max-delete-percent", "0", "--json");
            var afterRefusal = await ReadSecondaryAsync(DriftZone);
            var forced = await RunAsync("sync", DriftZone, "--max-delete-percent", "0", "--force");
            var afterForce = await ReadSecondaryAsync(DriftZone);

            Assert.Equal(1, refused.ExitCode);
            using var document = JsonDocument.Parse(refused.Output);
            Assert.Equal("refused", document.RootElement.GetProperty("outcome").GetString());
            Assert.Equal(0, document.RootElement.GetProperty("requests").GetInt32());
            Assert.Contains("above MaxDeletePercent 0; rerun with Force", document.RootElement.GetProperty("refusal").GetString(), StringComparison.Ordinal);
            Assert.Contains(afterRefusal.Records, r => r.Name == stray.Name);
            Assert.True(forced.ExitCode == 0, forced.ToString());
            Assert.Contains($"  DELETE {stray.Name} ", forced.Output, StringComparison.Ordinal);
            Assert.Contains("applied because Force is set", forced.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(afterForce.Records, r => r.Name == stray.Name);
        }
        finally
        {
            await SendToSecondaryAsync(deletes: [stray]);
        }
    }

    [Fact]
    public async Task Sync_ExampleZoneIntoSecondary_ReportsPhasesAndAFreshPlanIsEmpty()
    {
        var sync = await RunAsync("sync", "example.test", "--json");
        var plan = await RunAsync("plan", "example.test", "--json");
        var text = await RunAsync("plan", "example.test");

        Assert.True(sync.ExitCode == 0, sync.ToString());
        using var synced = JsonDocument.Parse(sync.Output);
        var root = synced.RootElement;
        Assert.Contains(root.GetProperty("outcome").GetString(), new[] { "applied", "in-sync" });
        Assert.Equal(LocalStack.DnsSecondary, root.GetProperty("target").GetString());
        Assert.Equal(await PrimarySerialAsync("example.test"), root.GetProperty("serial").GetUInt32());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("changes").ValueKind);
        Assert.Equal(JsonValueKind.Number, root.GetProperty("requests").ValueKind);
        var phases = root.GetProperty("phasesMs");
        Assert.Equal(s_phases, phases.EnumerateObject().Select(p => p.Name));
        Assert.All(s_phases, name => Assert.True(phases.GetProperty(name).GetDouble() >= 0, name));
        Assert.True(phases.GetProperty("transfer").GetDouble() > 0);
        Assert.True(phases.GetProperty("list").GetDouble() > 0);
        // Each phase is rounded to 0.1 ms on its own; the total covers them all.
        var parts = s_phases[..4].Sum(name => phases.GetProperty(name).GetDouble());
        Assert.True(phases.GetProperty("total").GetDouble() + 0.5 >= parts, $"total {phases.GetProperty("total")} < {parts}");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        using var replanned = JsonDocument.Parse(plan.Output);
        Assert.Equal(("in-sync", 0, 0), (replanned.RootElement.GetProperty("outcome").GetString(), replanned.RootElement.GetProperty("changes").GetInt32(), replanned.RootElement.GetProperty("requests").GetInt32()));
        Assert.StartsWith("plan for example.test.: 0 delete(s), 0 add(s), serial unchanged", replanned.RootElement.GetProperty("plan").GetString(), StringComparison.Ordinal);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.StartsWith("example.test: in-sync, 0 change(s), 0 request(s) sent (transfer ", text.Lines[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Plan_NoneOrBothTargets_ExitsTwoNamingTheChoice(bool both)
    {
        string[] args = ["plan", "--master", LocalStack.DnsPrimary, "--zone", "example.test"];
        args = both ? [.. args, "--zone-id", "Z0E2E", "--rfc2136", LocalStack.DnsSecondary] : args;

        var run = await DnsCli.InvokeAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give exactly one target", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    /// <summary>`dns plan|sync` from the primary into the secondary, both with the stack's key.</summary>
    private static Task<DnsCliRun> RunAsync(string command, string zone, params string[] more) =>
        DnsCli.InvokeAsync([command, "--master", LocalStack.DnsPrimary, "--zone", zone, "--rfc2136", LocalStack.DnsSecondary, "--tsig", LocalStack.DnsTsigKey, .. more]);

    /// <summary>A TXT record under a name of its own, the kind of hand edit a mirror is there to undo.</summary>
    private static DnsResourceRecord StrayRecord()
    {
        byte[] text = [.. "left by hand"u8];
        return new DnsResourceRecord($"stray-{Guid.NewGuid():N}.{DriftZone}.", DnsRecordType.TXT, DnsClass.Internet, 300, [(byte)text.Length, .. text]);
    }

    /// <summary>Edits the secondary behind the mirror's back: one signed UPDATE, as any RFC 2136 client would send.</summary>
    private static Task SendToSecondaryAsync(DnsResourceRecord[]? adds = null, DnsResourceRecord[]? deletes = null) =>
        new Rfc2136ZoneTarget(Client(LocalStack.DnsSecondary)).ApplyAsync(
            new Rfc2136Plan(DriftZone + ".", deletes ?? [], adds ?? [], null, [], [], null, 0), dryRun: false, TextWriter.Null);

    private static Task<ZoneSnapshot> ReadSecondaryAsync(string zone) => Client(LocalStack.DnsSecondary).TransferAsync(zone);

    private static Task<uint> PrimarySerialAsync(string zone) => Client(LocalStack.DnsPrimary).QuerySerialAsync(zone);

    private static ZoneTransferClient Client(string server) => new(new ZoneTransferOptions
    {
        Masters = [DnsMaster.Parse(server)],
        Key = TsigKey.Parse(LocalStack.DnsTsigKey),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        Deadline = TimeSpan.FromSeconds(30),
    });
}

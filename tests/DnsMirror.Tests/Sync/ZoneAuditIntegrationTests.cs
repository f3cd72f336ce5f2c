using System.Text.Json;
using DnsMirror.Tests.Support;
using LambdaSuite.Harness.Route53;

namespace DnsMirror.Tests.Sync;

/// <summary>
/// The drift audit through the whole function: the stack's BIND primary mirrored into the loopback Route 53, the hosted
/// zone then edited by hand (a set added, one changed, one deleted). An ordinary run sees the same serial and does
/// nothing; the audit repairs exactly those three sets and says so; a second audit repairs nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ZoneAuditIntegrationTests
{
    private static readonly object s_sync = new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId };
    private static readonly object s_audit = new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, Audit = true };

    [Fact]
    public async Task Audit_HandEditedHostedZone_RepairsExactlyTheEditsAndReportsThem()
    {
        await using var harness = await MirrorHarness.StartAsync();
        var function = harness.NewFunction();
        Assert.Equal("Synced", (await MirrorHarness.RunZoneAsync(function, s_sync)).GetProperty("Outcome").GetString());
        var mirrored = Snapshot(harness.Route53);
        harness.Route53.Add("handmade.example.test.", "TXT", 60, "\"added in the console\"");
        harness.Route53.Add("www.example.test.", "A", 300, "198.51.100.7");
        Assert.True(harness.Route53.TryChange([new FakeRecordSetChange(FakeRecordSetChange.Delete, harness.Route53.Find("mail.example.test.", "A")!.Value)], out _, out _, out _));
        var skipped = await MirrorHarness.RunZoneAsync(function, s_sync);
        var postsBefore = harness.ChangePosts;

        var audit = await MirrorHarness.RunZoneAsync(function, s_audit);

        Assert.Equal("Unchanged", skipped.GetProperty("Outcome").GetString());
        Assert.Equal("Synced", audit.GetProperty("Outcome").GetString());
        var report = audit.GetProperty("Audit");
        Assert.Equal((1, 1, 1, true, false), (report.GetProperty("Created").GetInt32(), report.GetProperty("Updated").GetInt32(), report.GetProperty("Deleted").GetInt32(), report.GetProperty("Applied").GetBoolean(), report.GetProperty("SerialMoved").GetBoolean()));
        Assert.Equal(
            ["CREATE mail.example.test. A", "DELETE handmade.example.test. TXT", "UPSERT www.example.test. A"],
            report.GetProperty("RecordSets").EnumerateArray().Select(r => $"{r.GetProperty("Action").GetString()} {r.GetProperty("Name").GetString()} {r.GetProperty("Type").GetString()}").Order(StringComparer.Ordinal));
        Assert.Equal(1, harness.ChangePosts - postsBefore);
        Assert.Equal(mirrored, Snapshot(harness.Route53));
    }

    [Fact]
    public async Task Audit_InSyncZone_RepairsNothingAndSendsNoChange()
    {
        await using var harness = await MirrorHarness.StartAsync();
        var function = harness.NewFunction();
        await MirrorHarness.RunZoneAsync(function, s_sync);
        var postsBefore = harness.ChangePosts;
        var listsBefore = harness.Route53.ListCalls;

        var audit = await MirrorHarness.RunZoneAsync(function, new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, Mode = "audit" });

        Assert.Equal("InSync", audit.GetProperty("Outcome").GetString());
        var report = audit.GetProperty("Audit");
        Assert.Equal((0, 0, 0, false), (report.GetProperty("Created").GetInt32(), report.GetProperty("Updated").GetInt32(), report.GetProperty("Deleted").GetInt32(), report.GetProperty("Applied").GetBoolean()));
        Assert.Empty(report.GetProperty("RecordSets").EnumerateArray());
        Assert.Equal(0, harness.ChangePosts - postsBefore);
        Assert.True(harness.Route53.ListCalls > listsBefore, "an audit lists the hosted zone even when the serial has not moved");
    }

    [Fact]
    public async Task Sync_MirrorAs_BindZoneLandsUnderTheOtherNameWithInZoneTargetsRewritten()
    {
        await using var harness = await MirrorHarness.StartAsync();
        harness.Route53.Load(
        [
            new FakeRecordSet("corp.aws.internal.", "SOA", 900, ["ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"]),
            new FakeRecordSet("corp.aws.internal.", "NS", 172800, ["ns-1.awsdns-00.com."]),
        ]);
        var function = harness.NewFunction();

        var run = await MirrorHarness.RunZoneAsync(function, new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, MirrorAs = "corp.aws.internal" });
        var again = await MirrorHarness.RunZoneAsync(function, new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, MirrorAs = "corp.aws.internal", Audit = true });

        Assert.Equal("Synced", run.GetProperty("Outcome").GetString());
        Assert.Equal("InSync", again.GetProperty("Outcome").GetString());
        Assert.DoesNotContain(harness.Route53.Sets, s => s.Name.Contains("example.test.", StringComparison.Ordinal) && !s.Name.EndsWith("corp.aws.internal.", StringComparison.Ordinal));
        Assert.Equal(["10 mail.corp.aws.internal.", "20 mail2.corp.aws.internal."], Values(harness.Route53, "corp.aws.internal.", "MX"));
        Assert.Equal(["www.corp.aws.internal."], Values(harness.Route53, "www2.corp.aws.internal.", "CNAME"));
        Assert.Equal(["10 60 5060 sip.corp.aws.internal."], Values(harness.Route53, "_sip._tcp.corp.aws.internal.", "SRV"));
        Assert.Equal(["ns.elsewhere.test.", "ns1.sub.corp.aws.internal."], Values(harness.Route53, "sub.corp.aws.internal.", "NS"));
        Assert.Equal(["192.0.2.99"], Values(harness.Route53, @"\052.corp.aws.internal.", "A"));
        Assert.EndsWith(" 2026112201 7200 900 1209600 86400", Values(harness.Route53, "corp.aws.internal.", "SOA")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MirrorAsInsideTheZone_FailsWithTheSentenceAndSendsNothing()
    {
        await using var harness = await MirrorHarness.StartAsync();
        var function = harness.NewFunction();

        var run = await MirrorHarness.RunZoneAsync(function, new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, MirrorAs = "aws.example.test" });

        Assert.Equal("Failed", run.GetProperty("Outcome").GetString());
        Assert.Contains("MirrorAs 'aws.example.test' lies inside the zone example.test.", run.GetProperty("Error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, harness.ChangePosts);
        Assert.Equal(0, harness.Route53.ListCalls);
    }

    [Fact]
    public async Task AllZonesAudit_ConfiguredRow_AuditedAndHandEditRepaired()
    {
        await using var harness = await MirrorHarness.StartAsync();
        await harness.Store.PutConfigAsync("example.test.", $$"""{"ZoneId":"{{MirrorHarness.HostedZoneId}}"}""");
        var function = harness.NewFunction();
        await function.InvokeAsync("""{"AllZones":true}"""u8.ToArray(), new LambdaSuite.TestKit.Runtime.TestLambdaContext());
        harness.Route53.Add("handmade.example.test.", "A", 60, "198.51.100.9");

        using var plain = JsonDocument.Parse(await function.InvokeAsync("""{"AllZones":true}"""u8.ToArray(), new LambdaSuite.TestKit.Runtime.TestLambdaContext()));
        using var audit = JsonDocument.Parse(await function.InvokeAsync("""{"AllZones":true,"Mode":"audit"}"""u8.ToArray(), new LambdaSuite.TestKit.Runtime.TestLambdaContext()));

        var skipped = plain.RootElement.GetProperty("Zones")[0];
        var audited = audit.RootElement.GetProperty("Zones")[0];
        Assert.Equal("Unchanged", skipped.GetProperty("Outcome").GetString());
        Assert.False(skipped.TryGetProperty("Audit", out _));
        Assert.Equal("Synced", audited.GetProperty("Outcome").GetString());
        Assert.Equal("DELETE", audited.GetProperty("Audit").GetProperty("RecordSets")[0].GetProperty("Action").GetString());
        Assert.Null(harness.Route53.Find("handmade.example.test.", "A"));
    }

    private static List<string> Values(FakeRoute53 zone, string name, string type) =>
        [.. (zone.Find(name, type) ?? throw new InvalidOperationException($"{name} {type} is not in the hosted zone")).Values.Order(StringComparer.Ordinal)];

    private static List<string> Snapshot(FakeRoute53 zone) =>
        [.. zone.Sets.Where(s => s.Type != "SOA").Select(s => $"{s.Name} {s.Type} {s.Ttl} {string.Join(",", s.Values.Order(StringComparer.Ordinal))}").Order(StringComparer.Ordinal)];
}

using System.Text.Json;
using Cli.Tests.Functions;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Moto;

namespace Cli.Tests.Dns;

/// <summary>
/// `dns audit` against moto's Route 53 (a third-party server): the stack's BIND zone is mirrored with `dns sync`, boto3
/// then edits the hosted zone by hand (adds a set, changes one), and the audit repairs exactly those two
/// and lists them; boto3's own listing then matches `dig AXFR` again, and a second audit repairs nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DnsAuditCommandTests
{
    private const string Zone = "example.test";

    // Adds one set and changes one. The third kind of drift, a set deleted by hand, is covered against the harness's fake
    // (ZoneAuditIntegrationTests in DnsMirror.Tests): moto 5.2.1 refuses to CREATE again a set that was created in a
    // batch of several changes and then deleted ("already exists") while no longer listing it, which Route 53 does not.
    private const string HandEditScript = """
        r53 = boto3.client('route53')
        r53.change_resource_record_sets(HostedZoneId=os.environ['ARG_zone'], ChangeBatch={'Changes': [
            {'Action': 'CREATE', 'ResourceRecordSet': {'Name': 'console.example.test.', 'Type': 'TXT', 'TTL': 60, 'ResourceRecords': [{'Value': '"made by hand"'}]}},
            {'Action': 'UPSERT', 'ResourceRecordSet': {'Name': 'ns1.example.test.', 'Type': 'A', 'TTL': 300, 'ResourceRecords': [{'Value': '198.51.100.1'}]}}]})
        print('edited')
        """;

    [Fact]
    public async Task Audit_HandEditsInMotosRoute53_RepairsExactlyThoseAndListsThem()
    {
        var zoneId = await DnsMirrorMotoJudge.CreatePrivateZoneAsync(Zone + ".", Guid.NewGuid().ToString("N"));
        var sync = await RunAsync("sync", zoneId, "--json");
        Assert.True(sync.ExitCode == 0, sync.ToString());
        await Boto3.RunAsync(HandEditScript, ("zone", zoneId));

        var audit = await RunAsync("audit", zoneId, "--json");
        var (listed, _) = await DnsMirrorMotoJudge.ListAsync(zoneId, Zone + ".");
        var (primary, _) = await DnsMirrorMotoJudge.DigAxfrAsync(LocalStack.DnsPrimary, Zone + ".");
        var again = await RunAsync("audit", zoneId);

        Assert.True(audit.ExitCode == 0, audit.ToString());
        using var report = JsonDocument.Parse(audit.Output);
        Assert.Equal("repaired", report.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(
            ["DELETE console.example.test. TXT", "UPSERT ns1.example.test. A"],
            report.RootElement.GetProperty("repaired").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(primary, listed);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.StartsWith($"{Zone}: in-sync, 0 change(s), 0 request(s) sent", again.Lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(again.Lines, l => l.StartsWith("repaired:", StringComparison.Ordinal));
    }

    private static Task<DnsCliRun> RunAsync(string command, string zoneId, params string[] more) =>
        DnsCli.InvokeAsync([command, "--master", LocalStack.DnsPrimary, "--zone", Zone, "--zone-id", zoneId, .. more]);
}

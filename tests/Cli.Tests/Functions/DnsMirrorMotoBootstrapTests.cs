using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Dynamo;

namespace Cli.Tests.Functions;

/// <summary>
/// DnsMirror end to end through moto: example.test on the stack's BIND 9 primary, mirrored by the real Native AOT
/// bootstrap into a Route 53 private hosted zone that moto holds. The result is judged from outside: boto3's
/// paginator lists the zone and dig reads the primary's AXFR, record by record. Then nothing may change: a second
/// run with the zone's state knows the serial (Unchanged), a run with fresh state diffs the whole zone against
/// Route 53 and finds nothing to do (InSync), and the listing stays as it was. The run waits for INSYNC through
/// GetChange, whose answer moto 5.2.1 gives with the bare change id (Route 53: <c>/change/C…</c>); the client takes
/// either. moto's SOA quirk is in <see cref="DnsMirrorMotoJudge"/>.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DnsMirrorMotoBootstrapTests : IAsyncLifetime
{
    private const string Zone = "example.test.";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private readonly RepositoryLayout _layout = RepositoryLayout.Discover();
    private readonly string _run = Guid.NewGuid().ToString("N");
    private readonly List<string> _logs = [];
    private readonly List<string> _tables = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var table in _tables)
        {
            await _dynamoDb.DeleteTableAsync(table);
        }

        _dynamoDb.Dispose();
    }

    [Fact]
    public async Task Bootstrap_ZoneIntoMotoPrivateZone_ListingMatchesDigAxfrAndLaterRunsChangeNothing()
    {
        var zoneId = await DnsMirrorMotoJudge.CreatePrivateZoneAsync(Zone, _run);
        var request = JsonSerializer.SerializeToUtf8Bytes(new { Domain = "example.test", ZoneId = zoneId, Target = new { Kind = "route53" }, MaxDeletePercent = 100 });

        JsonElement first, second, fresh;
        (List<string> Records, uint SoaSerial) afterFirstRun, afterTwoRuns;
        await using (var session = await StartAsync())
        {
            first = await InvokeAsync(session, request);
            afterFirstRun = await DnsMirrorMotoJudge.ListAsync(zoneId, Zone);
            second = await InvokeAsync(session, request);
            afterTwoRuns = await DnsMirrorMotoJudge.ListAsync(zoneId, Zone);
        }

        await using (var session = await StartAsync())
        {
            fresh = await InvokeAsync(session, request);
        }

        var afterFreshRun = await DnsMirrorMotoJudge.ListAsync(zoneId, Zone);
        var primary = await DnsMirrorMotoJudge.DigAxfrAsync(LocalStack.DnsPrimary, Zone);

        Assert.Equal("Synced", first.GetProperty("Outcome").GetString());
        Assert.Equal(primary.SoaSerial, first.GetProperty("MasterSerial").GetUInt32());
        Assert.True(first.GetProperty("Changes").GetInt32() > 0, "the first run changed the zone");
        Assert.Equal(primary.Records, afterFirstRun.Records);
        Assert.Equal(primary.SoaSerial, afterFirstRun.SoaSerial);

        Assert.Equal("Unchanged", second.GetProperty("Outcome").GetString());
        Assert.Equal((0, 0), (second.GetProperty("Changes").GetInt32(), second.GetProperty("Batches").GetInt32()));
        Assert.Equal(afterFirstRun.Records, afterTwoRuns.Records);
        Assert.Equal(afterFirstRun.SoaSerial, afterTwoRuns.SoaSerial);

        Assert.Equal("InSync", fresh.GetProperty("Outcome").GetString());
        Assert.Equal((0, 0), (fresh.GetProperty("Changes").GetInt32(), fresh.GetProperty("Batches").GetInt32()));
        Assert.True(fresh.GetProperty("Phases").GetProperty("ListMs").GetDouble() > 0, "the fresh run listed the zone");
        Assert.Equal(afterTwoRuns.Records, afterFreshRun.Records);
        Assert.Equal(afterTwoRuns.SoaSerial, afterFreshRun.SoaSerial);
        lock (_logs)
        {
            Assert.DoesNotContain(_logs, l => l.Contains("\"level\":\"ERROR\"", StringComparison.Ordinal));
        }
    }

    /// <summary>A bootstrap over a zones table of its own: a fresh table is a run that has never seen the zone.</summary>
    private async Task<BootstrapSession> StartAsync()
    {
        var table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.DnsMirrorZones);
        _tables.Add(table);
        var environment = new Dictionary<string, string?>
        {
            [TableCatalog.DnsMirrorZones.EnvironmentVariable] = table,
            ["DNS_MIRROR_MASTERS"] = LocalStack.DnsPrimary,
        };
        return await BootstrapSession.StartAsync(_layout.PackagedBootstrap("DnsMirror"), "DnsMirror", l => { lock (_logs) { _logs.Add(l); } }, default, environment);
    }

    private static async Task<JsonElement> InvokeAsync(BootstrapSession session, byte[] request)
    {
        var outcome = await session.InvokeAsync(request, s_timeout, default);
        Assert.False(outcome.IsError, Encoding.UTF8.GetString(outcome.Body));
        using var answer = JsonDocument.Parse(outcome.Body);
        return answer.RootElement.GetProperty("Zones")[0].Clone();
    }
}

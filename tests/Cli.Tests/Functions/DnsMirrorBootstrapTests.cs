using System.Text;
using System.Text.Json;
using DnsMirror.Rfc2136;
using DnsMirror.Transfer;
using DnsMirror.Tsig;
using LambdaSuite.Data.DnsMirror;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit;

namespace Cli.Tests.Functions;

/// <summary>
/// DnsMirror through its real Native AOT bootstrap (published by <c>./suite package</c>) under a local Runtime
/// API: zone state in a table of its own in DynamoDB Local, example.test transferred from the stack's BIND 9
/// primary and mirrored into its secondary by TSIG-signed RFC 2136 UPDATEs. Other tests mirror the same content
/// into the secondary, a no-op whoever runs first, so only end states are asserted.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DnsMirrorBootstrapTests : IAsyncLifetime
{
    private const string SecretVariable = "DNS_MIRROR_TSIG_TEST_SECONDARY";
    private const string Zone = "example.test.";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private readonly string[] _key = LocalStack.DnsTsigKey.Split(':');
    private PackagedFunction _function = null!;

    public async Task InitializeAsync()
    {
        var environment = new Dictionary<string, string?>
        {
            ["DNS_MIRROR_MASTERS"] = LocalStack.DnsPrimary,
            [SecretVariable] = _key[2],
        };
        _function = await PackagedFunction.StartAsync("DnsMirror", TableCatalog.DnsMirrorZones, environment);
    }

    public async Task DisposeAsync()
    {
        if (_function is not null)
        {
            await _function.DisposeAsync();
        }
    }

    [Fact]
    public async Task Bootstrap_Rfc2136RequestTwice_MirrorsThenAnswersUnchangedWithoutListing()
    {
        var primarySerial = await Client(LocalStack.DnsPrimary, key: null).QuerySerialAsync(Zone);

        var first = await InvokeAsync(Request("rfc2136"));
        var stateAfterFirst = await Store().GetAsync(Zone);
        var second = await InvokeAsync(Request("rfc2136"));
        var stateAfterSecond = await Store().GetAsync(Zone);

        var firstZone = first.RootElement.GetProperty("Zones")[0];
        Assert.Contains(firstZone.GetProperty("Outcome").GetString(), new[] { "Synced", "InSync" });
        Assert.Equal(primarySerial, firstZone.GetProperty("MasterSerial").GetUInt32());
        var phases = firstZone.GetProperty("Phases");
        Assert.All(new[] { "TransferMs", "ListMs", "TotalMs" }, phase => Assert.True(phases.GetProperty(phase).GetDouble() > 0, phase));
        Assert.Equal(primarySerial, stateAfterFirst!.LastSerial);
        Assert.Equal(firstZone.GetProperty("Outcome").GetString(), stateAfterFirst.Outcome);
        Assert.Null(stateAfterFirst.LastError);

        var secondZone = second.RootElement.GetProperty("Zones")[0];
        Assert.Equal("Unchanged", secondZone.GetProperty("Outcome").GetString());
        Assert.Equal((primarySerial, primarySerial), (secondZone.GetProperty("MasterSerial").GetUInt32(), secondZone.GetProperty("KnownSerial").GetUInt32()));
        Assert.Equal((0.0, 0.0), (secondZone.GetProperty("Phases").GetProperty("ListMs").GetDouble(), secondZone.GetProperty("Phases").GetProperty("ApplyMs").GetDouble()));
        Assert.Equal(primarySerial, stateAfterSecond!.LastSerial);
        Assert.Equal(stateAfterFirst.Version + 1, stateAfterSecond.Version);

        var source = await Client(LocalStack.DnsPrimary, key: null).TransferAsync(Zone);
        var mirrored = await Client(LocalStack.DnsSecondary, TsigKey.Parse(LocalStack.DnsTsigKey)).TransferAsync(Zone);
        var replan = Rfc2136Differ.Plan(source, mirrored);
        Assert.Equal((0, 0), (replan.Adds.Count, replan.Deletes.Count));
        Assert.Null(replan.SerialRecord);
        Assert.DoesNotContain(_function.Logs, l => l.Contains(_key[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bootstrap_NotJsonEvent_InvocationErrorThenSameProcessServesGoodEvent()
    {
        var notJson = await _function.Session.InvokeAsync("{{{"u8.ToArray(), s_timeout, default);
        var good = await InvokeAsync(Request("rfc2136"));

        Assert.True(notJson.IsError);
        Assert.Equal("LambdaEventException", notJson.Error!.ErrorType);
        Assert.Contains("not JSON", notJson.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(good.RootElement.GetProperty("Zones")[0].GetProperty("Outcome").GetString(), new[] { "Synced", "InSync" });
    }

    [Fact]
    public async Task Bootstrap_UnknownTargetKind_FailsInvocationNamingTheKindAndWritesNoState()
    {
        var outcome = await _function.Session.InvokeAsync(Request("carrier-pigeon"), s_timeout, default);

        // The zone's settings are rejected before any transfer: the zone is reported Failed, and a failed zone
        // fails the whole invocation (so Lambda counts an error) with each failed zone's reason in the message.
        Assert.True(outcome.IsError, Encoding.UTF8.GetString(outcome.Body));
        Assert.Equal("DnsMirrorRunException", outcome.Error!.ErrorType);
        Assert.Contains("1 of 1 zone(s) failed", outcome.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Target.Kind 'carrier-pigeon' is not route53 or rfc2136", outcome.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(await Store().GetAsync(Zone));
        Assert.Contains(_function.Logs, l => l.Contains("zone settings rejected", StringComparison.Ordinal) && l.Contains("carrier-pigeon", StringComparison.Ordinal));
    }

    /// <summary>One zone's settings given directly, as a schedule's constant input: example.test into the secondary.</summary>
    private byte[] Request(string kind) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        Domain = "example.test",
        Target = new { Kind = kind, Server = LocalStack.DnsSecondary, Tsig = new { KeyName = _key[0], Algorithm = _key[1], SecretEnv = SecretVariable } },
        MaxDeletePercent = 100,
    });

    private async Task<JsonDocument> InvokeAsync(byte[] eventJson)
    {
        var outcome = await _function.Session.InvokeAsync(eventJson, s_timeout, default);
        Assert.False(outcome.IsError, Encoding.UTF8.GetString(outcome.Body));
        return JsonDocument.Parse(outcome.Body);
    }

    private DnsMirrorZoneStore Store() => new(_function.DynamoDb, _function.Table);

    private static ZoneTransferClient Client(string server, TsigKey? key) => new(new ZoneTransferOptions { Masters = [DnsMaster.Parse(server)], Key = key });
}

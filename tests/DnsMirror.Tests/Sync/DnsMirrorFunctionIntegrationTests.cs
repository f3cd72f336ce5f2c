using System.Text.Json;
using DnsMirror.Tests.Support;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.DnsMirror;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness.Route53;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Dynamo;
using LambdaSuite.TestKit.Runtime;
using LambdaSuite.TestKit.Stubs;

namespace DnsMirror.Tests.Sync;

/// <summary>
/// The whole function: scheduled EventBridge event → AXFR from the stack's BIND primary → diff and plan → batches
/// applied to an in-memory Route 53 behind the stub → state row in DynamoDB Local; the next run sees the same
/// serial and skips the transfer.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DnsMirrorFunctionIntegrationTests : IAsyncLifetime
{
    private const uint ExampleSerial = 2026112201;
    private readonly FakeRoute53 _route53 = new("Z0E2E", pageSize: 20, pendingPolls: 1);
    private AwsStubServer _stub = null!;
    private string _table = null!;
    private DnsMirrorFunction _function = null!;

    public async Task InitializeAsync()
    {
        _route53.Add("example.test.", "SOA", 900, "ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400");
        _route53.Add("example.test.", "NS", 172800, "ns-1.awsdns-00.com.", "ns-2.awsdns-00.net.");
        _stub = await AwsStubServer.StartAsync();
        _stub.Responder = request => request.Target == "secretsmanager.GetSecretValue"
            ? StubResponse.Json("""{"__type":"ResourceNotFoundException","message":"Secrets Manager can't find the specified secret."}""", 400)
            : _route53.RespondTo(request);
        _table = await LocalDynamoDb.CreateUniqueTableAsync(LocalDynamoDb.CreateClient(), TableCatalog.DnsMirrorZones);
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = LocalStack.DynamoDb.ToString(),
            ["AWS_REGION"] = "us-east-1",
            [TableCatalog.DnsMirrorZones.EnvironmentVariable] = _table,
            ["DNS_MIRROR_MASTERS"] = LocalStack.DnsPrimary,
            ["DNS_MIRROR_POLL_SECONDS"] = "0.01",
            ["DNS_MIRROR_TSIG_TEST_SECONDARY"] = LocalStack.DnsTsigKey.Split(':')[2],
        };
        var aws = StubClientFactory.For(_stub, new AwsRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(1), ThrottlingBaseDelay = TimeSpan.FromMilliseconds(1) });
        _function = DnsMirrorFunction.Create(name => environment.GetValueOrDefault(name), aws);
    }

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task InvokeAsync_ScheduledEventTwice_SyncsThenSkipsUnchangedSerial()
    {
        var scheduled = await File.ReadAllBytesAsync(Path.Combine("TestData", "Events", "scheduled-example-test.json"));
        var store = new DnsMirrorZoneStore(LocalDynamoDb.CreateClient(), _table);

        using var first = JsonDocument.Parse(await _function.InvokeAsync(scheduled, new TestLambdaContext()));
        var postsAfterFirst = _stub.Requests.Count(r => r.Method == "POST");
        var stateAfterFirst = await store.GetAsync("example.test.");
        using var second = JsonDocument.Parse(await _function.InvokeAsync(scheduled, new TestLambdaContext()));
        var stateAfterSecond = await store.GetAsync("example.test.");

        var firstZone = first.RootElement.GetProperty("Zones")[0];
        Assert.Equal("Synced", firstZone.GetProperty("Outcome").GetString());
        Assert.True(firstZone.GetProperty("Changes").GetInt32() > 10);
        Assert.Equal(postsAfterFirst, firstZone.GetProperty("Batches").GetInt32());
        Assert.Equal(["192.0.2.99"], _route53.Find("*.example.test.", "A")!.Value.Values);
        Assert.Contains($" {ExampleSerial} ", _route53.Find("example.test.", "SOA")!.Value.Values[0], StringComparison.Ordinal);
        Assert.Equal(ExampleSerial, stateAfterFirst!.LastSerial);
        Assert.Equal("Synced", stateAfterFirst.Outcome);
        Assert.Null(stateAfterFirst.LastError);
        var phases = firstZone.GetProperty("Phases");
        Assert.All(new[] { "TransferMs", "ListMs", "ApplyMs", "StateMs" }, phase => Assert.True(phases.GetProperty(phase).GetDouble() > 0, phase));
        Assert.True(phases.GetProperty("TotalMs").GetDouble() >= phases.GetProperty("TransferMs").GetDouble() + phases.GetProperty("ListMs").GetDouble() + phases.GetProperty("ApplyMs").GetDouble());
        var secondZone = second.RootElement.GetProperty("Zones")[0];
        Assert.Equal("Unchanged", secondZone.GetProperty("Outcome").GetString());
        Assert.Equal((0.0, 0.0), (secondZone.GetProperty("Phases").GetProperty("ListMs").GetDouble(), secondZone.GetProperty("Phases").GetProperty("ApplyMs").GetDouble()));
        Assert.Equal(postsAfterFirst, _stub.Requests.Count(r => r.Method == "POST"));
        Assert.Equal(ExampleSerial, stateAfterSecond!.LastSerial);
        Assert.Equal(stateAfterFirst.Version + 1, stateAfterSecond.Version);
        Assert.All(_stub.Requests, r => Assert.True(r.Signature.IsValid, r.Signature.Reason));
    }

    [Fact]
    public async Task InvokeAsync_Rfc2136Target_MirrorsIntoTheSecondaryAndTimesEachPhase()
    {
        // The stack's second BIND takes TSIG-signed updates; other tests mirror the same zone there, and a second
        // mirror of the same content is a no-op, so the end state is the same whoever runs first.
        var key = LocalStack.DnsTsigKey.Split(':');
        var request = JsonSerializer.SerializeToUtf8Bytes(new
        {
            Domain = "example.test",
            Target = new { Kind = "rfc2136", Server = LocalStack.DnsSecondary, Tsig = new { KeyName = key[0], Algorithm = key[1], SecretEnv = "DNS_MIRROR_TSIG_TEST_SECONDARY" } },
            MaxDeletePercent = 100,
        });
        var store = new DnsMirrorZoneStore(LocalDynamoDb.CreateClient(), _table);

        using var answer = JsonDocument.Parse(await _function.InvokeAsync(request, new TestLambdaContext()));

        var zone = answer.RootElement.GetProperty("Zones")[0];
        Assert.Contains(zone.GetProperty("Outcome").GetString(), new[] { "Synced", "InSync" });
        var phases = zone.GetProperty("Phases");
        Assert.All(new[] { "TransferMs", "ListMs", "StateMs", "TotalMs" }, phase => Assert.True(phases.GetProperty(phase).GetDouble() > 0, phase));
        Assert.Equal(ExampleSerial, (await store.GetAsync("example.test."))!.LastSerial);
        var primary = await new DnsMirror.Transfer.ZoneTransferClient(new() { Masters = DnsMirror.Transfer.DnsMaster.ParseList(LocalStack.DnsPrimary) }).TransferAsync("example.test");
        var secondary = await new DnsMirror.Transfer.ZoneTransferClient(new() { Masters = DnsMirror.Transfer.DnsMaster.ParseList(LocalStack.DnsSecondary), Key = DnsMirror.Tsig.TsigKey.Parse(LocalStack.DnsTsigKey) }).TransferAsync("example.test");
        Assert.Equal(primary.Serial, secondary.Serial);
        var replan = DnsMirror.Rfc2136.Rfc2136Differ.Plan(primary, secondary);
        Assert.Equal((0, 0), (replan.Adds.Count, replan.Deletes.Count));
    }

    [Fact]
    public async Task InvokeAsync_EmptyDetail_SyncsEveryConfiguredRow()
    {
        var store = new DnsMirrorZoneStore(LocalDynamoDb.CreateClient(), _table);
        await store.PutConfigAsync("example.test.", """{"ZoneId":"Z0E2E","DryRun":true}""");
        await store.PutConfigAsync("nowhere.test.", """{"ZoneId":"Z0E2E","Masters":["127.0.0.1:1"],"Tsig":{"KeyName":"k","SecretArn":"arn:aws:secretsmanager:us-east-1:123456789012:secret:dns-key"}}""");
        var scheduled = await File.ReadAllBytesAsync(Path.Combine("TestData", "Events", "scheduled-empty-detail.json"));

        var error = await Assert.ThrowsAsync<DnsMirrorRunException>(() => _function.InvokeAsync(scheduled, new TestLambdaContext()));

        Assert.Contains("nowhere.test.", error.Message, StringComparison.Ordinal);
        Assert.Contains("ResourceNotFoundException", error.Message, StringComparison.Ordinal);
        var dryRun = await store.GetAsync("example.test.");
        Assert.Equal("DryRun", dryRun!.Outcome);
        Assert.Null(dryRun.LastSerial);
        Assert.DoesNotContain(_stub.Requests, r => r.Method == "POST" && r.Target is null);
        Assert.Single(_stub.Requests, r => r.Target == "secretsmanager.GetSecretValue");
    }
}

using System.Text.Json;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Aws.Route53;
using LambdaSuite.Data.DnsMirror;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness.Route53;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Dynamo;
using LambdaSuite.TestKit.Runtime;
using LambdaSuite.TestKit.Stubs;

namespace DnsMirror.Tests.Support;

/// <summary>
/// What a function-level DnsMirror test needs: a zones table of its own in DynamoDB Local, the in-memory hosted zone
/// behind the SigV4-checking stub, and as many function instances (one per simulated container) as the test asks for.
/// </summary>
internal sealed class MirrorHarness : IAsyncDisposable
{
    public const string HostedZoneId = "Z0E2E";

    private readonly Dictionary<string, string> _environment;

    private MirrorHarness(AwsStubServer stub, string table, FakeRoute53 route53, Dictionary<string, string> environment)
    {
        Stub = stub;
        Table = table;
        Route53 = route53;
        _environment = environment;
        Store = new DnsMirrorZoneStore(LocalDynamoDb.CreateClient(), table);
    }

    public AwsStubServer Stub { get; }

    public string Table { get; }

    public FakeRoute53 Route53 { get; }

    public DnsMirrorZoneStore Store { get; }

    /// <summary>Route 53 change requests the stub accepted or refused (ChangeResourceRecordSets only).</summary>
    public int ChangePosts => Stub.Requests.Count(r => r.Method == "POST" && r.RawPath.EndsWith("/rrset/", StringComparison.Ordinal));

    public static async Task<MirrorHarness> StartAsync(IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var route53 = new FakeRoute53(HostedZoneId, pageSize: 50, pendingPolls: 0);
        route53.Add("example.test.", "SOA", 900, "ns-1.awsdns-00.com. awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400");
        route53.Add("example.test.", "NS", 172800, "ns-1.awsdns-00.com.", "ns-2.awsdns-00.net.");
        var stub = await AwsStubServer.StartAsync();
        stub.Responder = route53.RespondTo;
        var table = await LocalDynamoDb.CreateUniqueTableAsync(LocalDynamoDb.CreateClient(), TableCatalog.DnsMirrorZones);
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = LocalStack.DynamoDb.ToString(),
            ["AWS_REGION"] = "us-east-1",
            [TableCatalog.DnsMirrorZones.EnvironmentVariable] = table,
            ["DNS_MIRROR_MASTERS"] = LocalStack.DnsPrimary,
            ["DNS_MIRROR_POLL_SECONDS"] = "0.01",
        };
        foreach (var (name, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return new MirrorHarness(stub, table, route53, environment);
    }

    /// <summary>A new function instance, as a new container would build it.</summary>
    public DnsMirrorFunction NewFunction()
    {
        var aws = StubClientFactory.For(Stub, new AwsRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(1), ThrottlingBaseDelay = TimeSpan.FromMilliseconds(1) });
        return DnsMirrorFunction.Create(name => _environment.GetValueOrDefault(name), aws);
    }

    /// <summary>
    /// A new function instance whose Route 53 client is paced as for AWS's own endpoint (the account's request bucket,
    /// <see cref="Route53Client.AccountPacer"/>), so the function paces its change batches to the account's change budget too.
    /// </summary>
    public DnsMirrorFunction NewPacedFunction()
    {
        var aws = StubClientFactory.For(Stub, new AwsRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(1), ThrottlingBaseDelay = TimeSpan.FromMilliseconds(1) });
        Func<string, string?> environment = name => _environment.GetValueOrDefault(name);
        var settings = DnsMirrorSettings.Read(environment);
        var route53 = new Route53Client(aws.CreateRoute53().Http.WithPacer(Route53Client.AccountPacer));
        return new DnsMirrorFunction(new DnsMirror.Sync.ZoneSyncService(route53, Store, settings, TimeProvider.System), Store, settings, environment);
    }

    /// <summary>Invokes with one zone's settings and returns that zone's report, failed zones included (their invocation error is the expected answer then).</summary>
    public static async Task<JsonElement> RunZoneAsync(DnsMirrorFunction function, object settings)
    {
        var request = JsonSerializer.SerializeToUtf8Bytes(settings);
        var context = new TestLambdaContext();
        try
        {
            using var answer = JsonDocument.Parse(await function.InvokeAsync(request, context));
            return answer.RootElement.GetProperty("Zones")[0].Clone();
        }
        catch (DnsMirrorRunException e)
        {
            return JsonSerializer.SerializeToElement(new { Outcome = "Failed", Error = e.Message });
        }
    }

    public async ValueTask DisposeAsync() => await Stub.DisposeAsync();
}

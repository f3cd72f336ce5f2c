using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DnsMirror.Config;
using DnsMirror.Sync;
using LambdaSuite.Cli.Runtime;
using LambdaSuite.Data;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.Cli.Bench;

/// <summary>
/// The whole sync as it ships: DnsMirror's packaged Native AOT <c>bootstrap</c> in its own process under a local
/// Runtime API, Route 53 on the bench's loopback server, zone state in a scratch table of DynamoDB Local (dropped
/// afterwards). Each run deletes the state row first, so every round transfers and applies. The function's answer
/// carries its own phase timings; the process's CPU time and peak RSS are read from /proc.
/// </summary>
internal sealed class DnsBenchSync : IAsyncDisposable
{
    private static readonly TimeSpan s_invocationTimeout = TimeSpan.FromMinutes(5);
    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly BootstrapSession _session;
    private readonly byte[] _event;
    private readonly string _zone;
    private readonly string _table;

    private DnsBenchSync(IAmazonDynamoDB dynamoDb, BootstrapSession session, byte[] @event, string zone, string table)
    {
        _dynamoDb = dynamoDb;
        _session = session;
        _event = @event;
        _zone = zone;
        _table = table;
    }

    public string StateStore => "in DynamoDB table " + _table;

    /// <summary>The function process's peak resident set so far, in MB.</summary>
    public double? PeakRssMegabytes => _session.PeakResidentKib / 1024.0;

    public static async Task<DnsBenchSync> StartAsync(string bootstrap, Func<string, string?> environment, DnsBenchRoute53 route53, string master, string zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(route53);
        if (string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL_DYNAMODB")) && string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL")))
        {
            throw new InvalidOperationException("No local DynamoDB endpoint for the zone state: run ./suite stack up and eval \"$(./suite stack env)\" first.");
        }

        var table = "dnsMirrorZones-bench-" + Guid.NewGuid().ToString("N")[..8];
        var dynamoDb = DynamoDbClientFactory.Create(environment);
        await new TableProvisioner(dynamoDb, TimeProvider.System).EnsureAsync(TableCatalog.DnsMirrorZones, table, ct).ConfigureAwait(false);
        var variables = new Dictionary<string, string?>
        {
            [TableCatalog.DnsMirrorZones.EnvironmentVariable] = table,
            ["AWS_ENDPOINT_URL_ROUTE_53"] = route53.Endpoint.ToString(),
            ["DNS_MIRROR_POLL_SECONDS"] = "1",
        };
        var request = new ZoneSyncRequest { Domain = zone, Masters = [master], ZoneId = route53.HostedZoneId, MaxDeletePercent = 20 };
        var @event = JsonSerializer.SerializeToUtf8Bytes(request, DnsMirrorJsonContext.Default.ZoneSyncRequest);
        var session = await BootstrapSession.StartAsync(bootstrap, "DnsMirror", onLogLine: null, ct, variables).ConfigureAwait(false);
        return new DnsBenchSync(dynamoDb, session, @event, zone, table);
    }

    /// <summary>One invocation: the zone's report as the function answered it, the wall time from the event queued to the answer, and the process's CPU time spent.</summary>
    public async Task<(ZoneRunReport Report, TimeSpan Wall, TimeSpan Cpu)> RunAsync(CancellationToken ct)
    {
        await _dynamoDb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = _table,
            Key = new Dictionary<string, AttributeValue> { [TableCatalog.DnsMirrorZones.PartitionKey] = new AttributeValue { S = _zone } },
        }, ct).ConfigureAwait(false);
        var cpu = _session.CpuTime ?? TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        var outcome = await _session.InvokeAsync(_event, s_invocationTimeout, ct).ConfigureAwait(false);
        var wall = Stopwatch.GetElapsedTime(started);
        var spent = (_session.CpuTime ?? cpu) - cpu;
        var response = outcome.IsError ? null : JsonSerializer.Deserialize(outcome.Body, DnsMirrorJsonContext.Default.DnsMirrorResponse);
        return response is { Zones: [var report] }
            ? (report, wall, spent)
            : throw new InvalidOperationException($"DnsMirror's bootstrap answered {outcome.ErrorTypeHeader ?? "an unexpected body"}: {Encoding.UTF8.GetString(outcome.Body)}");
    }

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync().ConfigureAwait(false);
        await _dynamoDb.DeleteTableAsync(_table, CancellationToken.None).ConfigureAwait(false);
        _dynamoDb.Dispose();
    }
}

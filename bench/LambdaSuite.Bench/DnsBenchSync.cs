using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using DnsMirror.Config;
using DnsMirror.Sync;
using LambdaSuite.Data;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness.Route53;
using LambdaSuite.Harness.Runtime;

namespace LambdaSuite.Bench;

/// <summary>
/// The whole sync as it ships: DnsMirror's packaged Native AOT <c>bootstrap</c> in its own process under a local
/// Runtime API, Route 53 on the bench's loopback server, zone state in a scratch table of DynamoDB Local (dropped
/// afterwards). A run deletes the state row first unless asked not to, so every full round transfers and applies. The function's answer
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
    private readonly bool _ownsTable;

    private DnsBenchSync(IAmazonDynamoDB dynamoDb, BootstrapSession session, byte[] @event, string zone, string table, bool ownsTable)
    {
        _ownsTable = ownsTable;
        _dynamoDb = dynamoDb;
        _session = session;
        _event = @event;
        _zone = zone;
        _table = table;
    }

    public string StateStore => "in DynamoDB table " + _table;

    /// <summary>The scratch zones table, which a second session (a fresh process) may share: <see cref="StartAsync"/>'s <c>table</c>.</summary>
    public string Table => _table;

    /// <summary>The function process's peak resident set so far, in MB.</summary>
    public double? PeakRssMegabytes => _session.PeakResidentKib / 1024.0;

    /// <summary>
    /// Starts a bootstrap process; with <paramref name="table"/> it shares that session's table (and leaves it to that
    /// session to drop); with <paramref name="audit"/> every invocation is a drift audit (<c>"Audit": true</c>).
    /// </summary>
    public static async Task<DnsBenchSync> StartAsync(string bootstrap, Func<string, string?> environment, Route53FakeServer route53, string master, string zone, CancellationToken ct, string? table = null, bool audit = false)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(route53);
        if (string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL_DYNAMODB")) && string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL")))
        {
            throw new InvalidOperationException("No local DynamoDB endpoint for the zone state: run ./suite stack up and eval \"$(./suite stack env)\" first.");
        }

        var ownsTable = table is null;
        table ??= "dnsMirrorZones-bench-" + Guid.NewGuid().ToString("N")[..8];
        var dynamoDb = DynamoDbClientFactory.Create(environment);
        if (ownsTable)
        {
            await new TableProvisioner(dynamoDb, TimeProvider.System).EnsureAsync(TableCatalog.DnsMirrorZones, table, ct).ConfigureAwait(false);
        }

        var variables = new Dictionary<string, string?>
        {
            [TableCatalog.DnsMirrorZones.EnvironmentVariable] = table,
            ["AWS_ENDPOINT_URL_ROUTE_53"] = route53.Endpoint.ToString(),
            [DnsMirror.DnsMirrorSettings.Variables.PollInterval] = "1",
        };
        var request = new ZoneSyncRequest { Domain = zone, Masters = [master], ZoneId = route53.Zone.HostedZoneId, MaxDeletePercent = 20, Audit = audit };
        var @event = JsonSerializer.SerializeToUtf8Bytes(request, DnsMirrorJsonContext.Default.ZoneSyncRequest);
        var session = await BootstrapSession.StartAsync(bootstrap, "DnsMirror", onLogLine: null, ct, variables).ConfigureAwait(false);
        return new DnsBenchSync(dynamoDb, session, @event, zone, table, ownsTable);
    }

    /// <summary>
    /// One invocation: the zone's report as the function answered it, the wall time from the event queued to the
    /// answer, and the process's CPU time spent. <paramref name="freshState"/> deletes the zone's row first, so the run
    /// transfers and compares the whole zone; without it the run goes on from the stored state (incremental).
    /// </summary>
    public async Task<(ZoneRunReport Report, TimeSpan Wall, TimeSpan Cpu)> RunAsync(CancellationToken ct, bool freshState = true)
    {
        if (freshState)
        {
            await _dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = _table,
                Key = new Dictionary<string, AttributeValue> { [TableCatalog.DnsMirrorZones.PartitionKey] = new AttributeValue { S = _zone } },
            }, ct).ConfigureAwait(false);
        }

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
        if (_ownsTable)
        {
            await _dynamoDb.DeleteTableAsync(_table, CancellationToken.None).ConfigureAwait(false);
        }

        _dynamoDb.Dispose();
    }
}

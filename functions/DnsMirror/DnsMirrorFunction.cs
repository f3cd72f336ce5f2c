using System.Runtime;
using System.Text.Json;
using DnsMirror.Config;
using DnsMirror.Sync;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Route53;
using LambdaSuite.Aws.SecretsManager;
using LambdaSuite.Aws.Sns;
using LambdaSuite.Data;
using LambdaSuite.Data.DnsMirror;
using LambdaSuite.Data.Tables;
using LambdaSuite.Events;
using LambdaSuite.Events.Detection;
using LambdaSuite.Runtime;

namespace DnsMirror;

/// <summary>
/// Scheduled mirror of DNS zones into Route 53 (or an RFC 2136 server). Input: an EventBridge scheduled event
/// whose <c>detail</c> holds one zone's settings, the same settings given directly as the rule target's input,
/// or <c>{"AllZones": true}</c> (also an empty detail) to sync every configured row of the zones table. Each zone
/// is synced on its own; a failed zone is recorded, reported, alerted to the suite's topic when one is set
/// (<see cref="FailureAlertPublisher"/>), and fails the invocation once all have run.
/// </summary>
internal sealed class DnsMirrorFunction(ZoneSyncService sync, DnsMirrorZoneStore store, DnsMirrorSettings settings, Func<string, string?> environment, TsigSecretStore? secrets = null, FailureAlertPublisher? alerts = null) : ILambdaFunction
{
    /// <summary>Every variable <see cref="Create"/> reads by name (the template sets exactly these); a zone's TSIG secret variable is named in its input.</summary>
    public static IReadOnlyList<string> EnvironmentVariables => DnsMirrorSettings.Variables.All;

    /// <summary>The tables <see cref="Create"/> composes.</summary>
    public static IReadOnlyList<TableDefinition> Tables { get; } = [TableCatalog.DnsMirrorZones];

    /// <summary>Every IAM action the composed clients can call: zone state in DynamoDB, the Route 53 client's, Secrets Manager's for TSIG secrets named by ARN, and SNS's for the failure alert.</summary>
    public static IReadOnlyList<string> IamActions { get; } = [.. DnsMirrorZoneStore.IamActions, .. Route53Client.IamActions, .. SecretsManagerClient.IamActions, .. SnsClient.IamActions];

    public static DnsMirrorFunction Create(Func<string, string?> environment) =>
        Create(environment, AwsClientFactory.FromEnvironment(environment));

    /// <summary>As <see cref="Create(Func{string, string?})"/> with the AWS clients' factory given (tests point it at a stub).</summary>
    public static DnsMirrorFunction Create(Func<string, string?> environment, AwsClientFactory aws)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(aws);
        var settings = DnsMirrorSettings.Read(environment);
        var store = new DnsMirrorZoneStore(DynamoDbClientFactory.Create(environment), settings.TableName);
        var alerts = FailureAlertPublisher.Create(aws, settings, TimeProvider.System);
        return new DnsMirrorFunction(new ZoneSyncService(aws.CreateRoute53(), store, settings, TimeProvider.System), store, settings, environment, TsigSecretStore.Create(aws), alerts);
    }

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = ReadRequest(eventJson.Span);
        var deadline = context.Deadline - settings.DeadlineMargin;
        var response = new DnsMirrorResponse();
        var requests = request.AllZones ? await ConfiguredZonesAsync(request, context.CancellationToken).ConfigureAwait(false) : [request];
        foreach (var zoneRequest in requests)
        {
            var report = await RunOneAsync(zoneRequest, deadline, context).ConfigureAwait(false);
            response.Zones.Add(report);
            if (alerts is not null)
            {
                await alerts.PublishIfFailedAsync(report, context).ConfigureAwait(false);
            }
        }

        if (response.Failed > 0)
        {
            var failed = response.Zones.Where(z => z.Outcome == nameof(ZoneRunOutcome.Failed));
            throw new DnsMirrorRunException($"{response.Failed} of {response.Zones.Count} zone(s) failed: {string.Join("; ", failed.Select(z => $"{z.Zone} {z.Error}"))}");
        }

        return JsonSerializer.SerializeToUtf8Bytes(response, DnsMirrorJsonContext.Default.DnsMirrorResponse);
    }

    /// <summary>
    /// A transferred zone and its target's listing live through the whole run, long enough for the GC to promote
    /// them to generation 2, where they would wait, dead, until a later run's allocations force a full collection:
    /// the container would then hold two zones' worth at its peak. One blocking full collection once a zone is done
    /// (a few milliseconds, with nothing waiting on it) keeps the peak at one zone's worth.
    /// </summary>
    private static void ReleaseZoneData(ZoneRunReport report)
    {
        if (report.Outcome is not (nameof(ZoneRunOutcome.Unchanged) or nameof(ZoneRunOutcome.MasterBehind)))
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
    }

    /// <summary>The zone settings an event carries: EventBridge detail (empty means all zones) or the settings themselves.</summary>
    public static ZoneSyncRequest ReadRequest(ReadOnlySpan<byte> eventJson)
    {
        try
        {
            return ReadRequestOrThrow(eventJson);
        }
        catch (InvalidEventException e)
        {
            // One exception type for every bad event, so the host reports them all alike.
            throw new LambdaEventException(e.Message, e);
        }
    }

    private static ZoneSyncRequest ReadRequestOrThrow(ReadOnlySpan<byte> eventJson)
    {
        switch (EventShapeDetector.Detect(eventJson))
        {
            case EventShape.EventBridge:
                var bridge = EventJson.Parse(eventJson, EventsJsonContext.Default.EventBridgeEvent);
                var hasDetail = bridge.Detail.ValueKind == JsonValueKind.Object && bridge.Detail.EnumerateObject().Any();
                return hasDetail ? Parse(bridge.Detail.GetRawText()) : new ZoneSyncRequest { AllZones = true };
            case EventShape.Raw:
                return EventJson.Parse(eventJson, DnsMirrorJsonContext.Default.ZoneSyncRequest);
            case EventShape.NotJson:
                throw new LambdaEventException("DnsMirror event is not JSON.");
            case var other:
                throw new LambdaEventException($"DnsMirror does not take {other} events; schedule it with EventBridge.");
        }
    }

    private static ZoneSyncRequest Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, DnsMirrorJsonContext.Default.ZoneSyncRequest) ?? throw new LambdaEventException("DnsMirror detail is null.");
        }
        catch (JsonException e)
        {
            throw new LambdaEventException($"DnsMirror detail is not zone settings: {e.Message}", e);
        }
    }

    /// <summary>
    /// Every configured zone. An all-zones audit audits each of them whatever its row says; any other Mode the all-zones
    /// request gives goes to each zone that names none, so a wrong one fails each zone with the parser's sentence.
    /// </summary>
    private async Task<IReadOnlyList<ZoneSyncRequest>> ConfiguredZonesAsync(ZoneSyncRequest all, CancellationToken cancellationToken)
    {
        var rows = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        var requests = new List<ZoneSyncRequest>();
        foreach (var row in rows.Where(r => r.Config is not null).OrderBy(r => r.Zone, StringComparer.Ordinal))
        {
            var zoneRequest = Parse(row.Config!);
            zoneRequest.Domain ??= row.Zone;
            zoneRequest.AllZones = false;
            if (all.Audit || string.Equals(all.Mode?.Trim(), "audit", StringComparison.OrdinalIgnoreCase))
            {
                (zoneRequest.Audit, zoneRequest.Mode) = (true, null);
            }
            else
            {
                zoneRequest.Mode ??= all.Mode;
            }

            requests.Add(zoneRequest);
        }

        return requests;
    }

    private async Task<ZoneRunReport> RunOneAsync(ZoneSyncRequest request, DateTimeOffset deadline, ILambdaContext context)
    {
        ZoneJob job;
        try
        {
            job = await ZoneJobParser.ParseAsync(request, settings, environment, secrets, context.CancellationToken).ConfigureAwait(false);
        }
        catch (ZoneConfigException e)
        {
            context.Logger.Log(LambdaLogLevel.Error, "zone settings rejected", [new("zone", request.Domain), new("reason", e.Message)]);
            return new ZoneRunReport { Zone = request.Domain ?? "", Outcome = nameof(ZoneRunOutcome.Failed), Error = e.Message };
        }

        using var log = new StringWriter();
        var report = await sync.RunAsync(job, deadline, log, context.CancellationToken).ConfigureAwait(false);
        ReleaseZoneData(report);
        var level = report.Outcome == nameof(ZoneRunOutcome.Failed) ? LambdaLogLevel.Error : LambdaLogLevel.Information;
        context.Logger.Log(level, "zone run", [new("zone", report.Zone), new("outcome", report.Outcome), new("serial", report.MasterSerial?.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("changes", report.Changes.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("error", report.Error), new("phases", report.Phases.ToString()), new("repaired", report.Audit?.ToString()), new("plan", log.ToString())]);
        return report;
    }
}

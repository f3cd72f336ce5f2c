using System.Diagnostics;
using DnsMirror.Diff;
using DnsMirror.Rfc2136;
using DnsMirror.Route53;
using DnsMirror.Sync;
using DnsMirror.Transfer;
using DnsMirror.Tsig;
using DnsMirror.Wire;
using DnsMirror.Zone;
using LambdaSuite.Aws.Http;

namespace DnsMirror.Commands;

/// <summary>
/// DnsMirror's steps by hand (<c>suite dns axfr|plan|sync|audit</c>), DnsMirror's deliberate surface for the CLI (STYLE 16):
/// the CLI passes text in and gets text and figures back, so the wire types, the planner and the targets stay internal.
/// </summary>
public static class DnsMirrorCommands
{
    /// <summary>
    /// The failures that are an answer for the operator, not a crash (a master that refuses, a bad key, a rejected batch,
    /// an unreachable server): the CLI prints their message in one line.
    /// </summary>
    public static bool IsOperatorFailure(Exception failure) =>
        failure is ZoneTransferException or TsigException or DnsFormatException or Rfc2136Exception or Route53ChangeRejectedException
            or OriginRemapException or AwsServiceException or FormatException or ArgumentException or HttpRequestException or IOException or TimeoutException;

    /// <summary>Transfers <paramref name="zone"/> from the first primary in <paramref name="masters"/> that answers.</summary>
    public static async Task<ZoneListing> TransferAsync(string masters, string? tsig, string zone, CancellationToken cancellationToken = default)
    {
        var snapshot = await Source(masters, tsig).TransferAsync(zone, cancellationToken).ConfigureAwait(false);
        return new ZoneListing(
            snapshot.Origin,
            snapshot.Serial,
            snapshot.Source,
            [.. snapshot.Records.Select(Text)],
            snapshot.Soa is { } soa ? Text(soa) : null,
            snapshot.MessageCount,
            snapshot.ByteCount);
    }

    /// <summary>
    /// Transfers the zone, compares it with the one target <paramref name="command"/> names and applies the plan (or,
    /// on a dry run, only prints it to <paramref name="log"/>). A Route 53 target's endpoint and credentials come from
    /// <paramref name="environment"/> (<c>AWS_ENDPOINT_URL_ROUTE_53</c>).
    /// </summary>
    public static async Task<ZoneSyncSummary> SyncAsync(ZoneSyncCommand command, Func<string, string?> environment, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(log);
        if ((command.ZoneId is null) == (command.Rfc2136Server is null))
        {
            throw new ArgumentException("give exactly one target: a Route 53 hosted zone ID or an RFC 2136 server", nameof(command));
        }

        var options = new MirrorOptions
        {
            Diff = new DiffOptions { IgnoreTtl = command.IgnoreTtl },
            Plan = new PlanOptions { MaxDeletePercent = command.MaxDeletePercent, Force = command.Force },
            DryRun = command.DryRun,
            Remap = command.MirrorAs is null ? null : OriginRemapper.TryCreate(command.Zone, command.MirrorAs, out var invalid) ?? throw new ArgumentException(invalid, nameof(command)),
        };
        var source = Source(command.Masters, command.Tsig);
        var timings = new ZonePhaseTimings();
        var started = Stopwatch.GetTimestamp();
        uint serial;
        int changes, sent;
        string? refusal;
        IReadOnlyList<string> repairs = [];
        if (command.ZoneId is not null)
        {
            var hostedZone = new Route53HostedZone(AwsClientFactory.FromEnvironment(environment).CreateRoute53(), command.ZoneId, options.Remap?.To ?? command.Zone, TimeSpan.FromSeconds(1));
            var result = await ZoneMirror.SyncAsync(source, hostedZone, knownSerial: null, options, log, timings, cancellationToken).ConfigureAwait(false);
            var sync = result.Sync!;
            serial = result.Transfer.MasterSerial;
            changes = sync.Plan.Diff.Changes.Count + (sync.Plan.Diff.SerialChange is null ? 0 : 1);
            sent = sync.ChangeIds.Count;
            refusal = sync.Plan.RefusalReason;
            repairs = [.. ZoneAudit.Describe(sync, null, serial).RecordSets.Select(r => r.ToString())];
        }
        else
        {
            var transferred = await source.TransferAsync(command.Zone, cancellationToken).ConfigureAwait(false);
            var snapshot = options.Remap?.Apply(transferred) ?? transferred;
            timings.TransferMs = ZonePhaseTimings.Since(started);
            var target = new Rfc2136ZoneTarget(Server([DnsMaster.Parse(command.Rfc2136Server!)], command.Tsig));
            (var plan, sent) = await target.MirrorAsync(snapshot, options, log, timings, cancellationToken).ConfigureAwait(false);
            serial = snapshot.Serial;
            changes = plan.Deletes.Count + plan.Adds.Count + (plan.SerialRecord is null ? 0 : 1);
            refusal = plan.RefusalReason;
        }

        timings.TotalMs = ZonePhaseTimings.Since(started);
        return new ZoneSyncSummary(serial, changes, sent, refusal, timings.TransferMs, timings.ListMs, timings.DiffMs, timings.ApplyMs, timings.TotalMs) { Repairs = repairs };
    }

    private static ZoneTransferClient Source(string masters, string? tsig) => Server(DnsMaster.ParseList(masters), tsig);

    private static ZoneTransferClient Server(IReadOnlyList<DnsMaster> servers, string? tsig) =>
        new(new ZoneTransferOptions { Masters = servers, Key = tsig is null ? null : TsigKey.Parse(tsig) });

    private static ZoneListingRecord Text(DnsResourceRecord record) =>
        new(record.Name, record.Ttl, DnsTypeNames.ToText(record.Type), RDataFormatter.Format(record.Type, record.Data));
}

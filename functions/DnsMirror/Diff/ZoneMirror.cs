using System.Diagnostics;
using DnsMirror.Route53;
using DnsMirror.Transfer;

namespace DnsMirror.Diff;

/// <summary>
/// One sync of a zone into a Route 53 hosted zone: serial check, AXFR when it moved, diff against the hosted
/// zone, plan, apply (or print on a dry run). The handler stores <see cref="ZoneTransferResult.MasterSerial"/>
/// as the next run's known serial once the sync was applied.
/// </summary>
internal static class ZoneMirror
{
    public static Task<ZoneMirrorResult> SyncAsync(ZoneTransferClient source, IHostedZone target, uint? knownSerial, MirrorOptions options, TextWriter log, CancellationToken cancellationToken = default) =>
        SyncAsync(source, target, knownSerial, options, log, new ZonePhaseTimings(), cancellationToken);

    /// <summary>As above, timing each phase into <paramref name="timings"/> as it ends, so a run that fails midway still shows the phases it finished.</summary>
    public static async Task<ZoneMirrorResult> SyncAsync(ZoneTransferClient source, IHostedZone target, uint? knownSerial, MirrorOptions options, TextWriter log, ZonePhaseTimings timings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(timings);
        var phase = Stopwatch.GetTimestamp();
        var transfer = await source.TransferIfNewerAsync(options.Remap?.From ?? target.ZoneName, knownSerial, cancellationToken).ConfigureAwait(false);
        if (options.Remap is { } remap && transfer.Snapshot is { } transferred)
        {
            transfer = transfer with { Snapshot = remap.Apply(transferred) };
        }

        timings.TransferMs = ZonePhaseTimings.Since(phase);
        if (transfer.Snapshot is null)
        {
            log.WriteLine($"{target.ZoneName}: serial {transfer.MasterSerial} at {transfer.Master} is {transfer.Outcome}{(transfer.Reason is null ? "" : $" ({transfer.Reason})")}; nothing to do");
            return new ZoneMirrorResult(transfer, null, timings);
        }

        return await CompareAndApplyAsync(transfer, target, options, log, timings, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The full comparison of a zone already transferred (an IXFR the master answered with the whole zone): list the
    /// hosted zone, diff, plan, apply.
    /// </summary>
    public static async Task<ZoneMirrorResult> CompareAndApplyAsync(ZoneTransferResult transfer, IHostedZone target, MirrorOptions options, TextWriter log, ZonePhaseTimings timings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        ArgumentNullException.ThrowIfNull(transfer.Snapshot);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(timings);
        var phase = Stopwatch.GetTimestamp();
        var current = await target.ListRecordSetsAsync(cancellationToken).ConfigureAwait(false);
        timings.ListMs = ZonePhaseTimings.Since(phase);
        phase = Stopwatch.GetTimestamp();
        var diff = ZoneDiffer.Diff(transfer.Snapshot, current, options.Diff);
        var plan = ZonePlanner.Plan(diff, transfer.Snapshot, options.Plan);
        timings.DiffMs = ZonePhaseTimings.Since(phase);
        phase = Stopwatch.GetTimestamp();
        var sync = await ZonePlanApplier.ApplyAsync(target, plan, options.DryRun, log, cancellationToken, options.Budget).ConfigureAwait(false);
        timings.ApplyMs = ZonePhaseTimings.Since(phase);
        return new ZoneMirrorResult(transfer, sync, timings);
    }
}

using DnsMirror.Route53;
using DnsMirror.Transfer;

namespace DnsMirror.Diff;

/// <summary>
/// One sync of a zone into a Route 53 hosted zone: serial check, AXFR when it moved, diff against the hosted
/// zone, plan, apply (or print on a dry run). The handler stores <see cref="ZoneTransferResult.MasterSerial"/>
/// as the next run's known serial once the sync was applied.
/// </summary>
public static class ZoneMirror
{
    public static async Task<ZoneMirrorResult> SyncAsync(ZoneTransferClient source, IHostedZone target, uint? knownSerial, MirrorOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var transfer = await source.TransferIfNewerAsync(target.ZoneName, knownSerial, cancellationToken).ConfigureAwait(false);
        if (transfer.Snapshot is null)
        {
            log.WriteLine($"{target.ZoneName}: serial {transfer.MasterSerial} at {transfer.Master} is {transfer.Outcome}; nothing to do");
            return new ZoneMirrorResult(transfer, null);
        }

        var current = await target.ListRecordSetsAsync(cancellationToken).ConfigureAwait(false);
        var diff = ZoneDiffer.Diff(transfer.Snapshot, current, options.Diff);
        var plan = ZonePlanner.Plan(diff, transfer.Snapshot, options.Plan);
        var sync = await ZonePlanApplier.ApplyAsync(target, plan, options.DryRun, log, cancellationToken).ConfigureAwait(false);
        return new ZoneMirrorResult(transfer, sync);
    }
}

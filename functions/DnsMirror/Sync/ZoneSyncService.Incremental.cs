using System.Diagnostics;
using Amazon.Runtime;
using DnsMirror.Config;
using DnsMirror.Diff;
using DnsMirror.Route53;
using DnsMirror.State;
using DnsMirror.Transfer;
using DnsMirror.Wire;
using DnsMirror.Zone;
using LambdaSuite.Data.DnsMirror;

namespace DnsMirror.Sync;

/// <summary>
/// The Route 53 paths. Incremental: SOA query, IXFR from the last mirrored serial, the deltas applied to the stored
/// records, the touched record sets written whole, the new records stored; no listing. Full: a whole transfer
/// compared with the hosted zone's listing, the records stored. Every doubt sends the incremental path to the full
/// one: IXFR refused or answered with the whole zone, stored records missing or unusable, a delta that does not apply
/// to them, records stored for another hosted zone or under another name (MirrorAs), a batch Route 53 rejects (the hosted zone was changed by hand).
/// </summary>
internal sealed partial class ZoneSyncService
{
    /// <summary>The serial to ask IXFR from, when the stored records are at the last mirrored serial; null for the full path.</summary>
    private static uint? CanRunIncrementally(ZoneJob job, DnsMirrorZoneState state) =>
        // IgnoreTtl keeps Route 53's TTLs, which the stored records would no longer describe: those zones stay on the full path.
        state.LastSerial is { } known && state.StateSerial == known && state.StateSlot is not null && !job.Options.Diff.IgnoreTtl ? known : null;

    /// <summary>
    /// The zone through the full comparison (SOA query and AXFR unless <paramref name="transferred"/> already holds the
    /// whole zone); it stores the records it mirrored. Callable on its own: it is the whole sync of a zone.
    /// </summary>
    internal async Task<DnsMirrorZoneState?> FullSyncAsync(ZoneTransferClient source, IHostedZone target, ZoneJob job, DnsMirrorZoneState state, ZoneRunReport report, TextWriter log, CancellationToken cancellationToken, ZoneTransferResult? transferred = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(report);
        var knownSerial = state.LastSerial;
        if (transferred is { Snapshot: { } whole } && job.Options.Remap is { } remap)
        {
            transferred = transferred with { Snapshot = remap.Apply(whole) };
        }

        var result = transferred is null
            ? await ZoneMirror.SyncAsync(source, target, job.Audit ? ZoneAudit.TransferFloor(knownSerial) : knownSerial, job.Options, log, report.Phases, cancellationToken).ConfigureAwait(false)
            : await ZoneMirror.CompareAndApplyAsync(transferred, target, job.Options, log, report.Phases, cancellationToken).ConfigureAwait(false);
        var fallback = report.Fallback;
        Fill(report, result.Transfer);
        report.Fallback = fallback;
        if (job.Audit)
        {
            ZoneAudit.RelabelBehind(report, knownSerial);
            report.Audit = result.Sync is { } audited ? ZoneAudit.Describe(audited, knownSerial, report.MasterSerial) : null;
        }

        if (result.Sync is not { } sync || result.Transfer.Snapshot is not { } snapshot)
        {
            return null;
        }

        report.Path = "Full";
        report.Changes = sync.Plan.Diff.Changes.Count + (sync.Plan.Diff.SerialChange is null ? 0 : 1);
        report.Batches = sync.ChangeIds.Count;
        report.Outcome = Outcome(sync.DryRun, sync.Plan.IsRefused, sync.Plan.IsEmpty, sync.Plan.IsEmptySource);
        report.Error = sync.Plan.RefusalReason;
        if (report.Outcome is not (nameof(ZoneRunOutcome.Synced) or nameof(ZoneRunOutcome.InSync)))
        {
            return null;
        }

        var targetSoa = sync.Plan.Diff.SerialChange?.RecordSet ?? sync.Plan.Diff.TargetSoa;
        return await SaveAsync(state, snapshot.Serial, () => MirroredZoneCodec.Encode(snapshot.Origin, snapshot.Serial, targetSoa, snapshot.Records, snapshot.Records.Count, job.HostedZoneId), report, log, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>(true, pointer) when the incremental path finished the zone; (false, null) when the full path must run.</summary>
    private async Task<(bool Handled, DnsMirrorZoneState? Saved)> TryIncrementalAsync(ZoneTransferClient source, IHostedZone target, ZoneJob job, DnsMirrorZoneState state, uint known, ZoneRunReport report, TextWriter log, CancellationToken cancellationToken)
    {
        var phase = Stopwatch.GetTimestamp();
        var transfer = await source.TransferIncrementalAsync(job.Zone, known, cancellationToken).ConfigureAwait(false);
        report.Phases.TransferMs = ZonePhaseTimings.Since(phase);
        if (transfer.Outcome != TransferOutcome.Transferred)
        {
            Fill(report, transfer.AsTransferResult());
            log.WriteLine($"{job.Zone}: serial {transfer.MasterSerial} at {transfer.Master} is {transfer.Outcome}{(transfer.Reason is null ? "" : $" ({transfer.Reason})")}; nothing to do");
            return (true, null);
        }

        if (transfer.Snapshot is not null)
        {
            report.Fallback = transfer.Note;
            log.WriteLine($"{job.Zone}: {transfer.Note}; full comparison");
            return (true, await FullSyncAsync(source, target, job, state, report, log, cancellationToken, transfer.AsTransferResult()).ConfigureAwait(false));
        }

        phase = Stopwatch.GetTimestamp();
        var (zone, reason) = await _states.LoadAsync(state, cancellationToken).ConfigureAwait(false);
        report.Phases.StateMs += ZonePhaseTimings.Since(phase);
        if (zone is null)
        {
            return Fall(report, log, job.Zone, reason!);
        }

        if (!string.Equals(zone.HostedZoneId, job.HostedZoneId, StringComparison.Ordinal))
        {
            return Fall(report, log, job.Zone, $"the stored records were mirrored into hosted zone {zone.HostedZoneId ?? "(unknown)"}, this run's is {job.HostedZoneId}");
        }

        // The stored names are the mirrored ones: a MirrorAs added, dropped or changed since would mix two origins in them.
        if (!string.Equals(zone.Origin, job.TargetZone, StringComparison.OrdinalIgnoreCase))
        {
            return Fall(report, log, job.Zone, $"the stored records were mirrored as {zone.Origin}, this run mirrors {job.Zone} as {job.TargetZone}");
        }

        phase = Stopwatch.GetTimestamp();
        var managed = zone.ManagedSetCount();
        Dictionary<(string Name, DnsRecordType Type), List<DnsResourceRecord>?> before;
        try
        {
            // Deltas arrive under the primary's origin; the stored records are held as mirrored (remapped) already.
            before = zone.Apply(job.Options.Remap is { } remap ? RemapDeltas(remap, transfer.Deltas!) : transfer.Deltas!);
        }
        catch (ZoneDeltaConflictException e)
        {
            return Fall(report, log, job.Zone, e.Message);
        }

        var diff = IncrementalDiffer.Diff(zone, before, managed);
        var plan = ZonePlanner.Plan(diff, sourceComplete: true, zone.Serial, zone.HasContentBeyondApex(), job.Options.Plan);
        report.Phases.DiffMs = ZonePhaseTimings.Since(phase);
        phase = Stopwatch.GetTimestamp();
        ZoneSyncResult sync;
        try
        {
            sync = await ZonePlanApplier.ApplyAsync(target, plan, job.Options.DryRun, log, cancellationToken, job.Options.Budget).ConfigureAwait(false);
        }
        catch (Route53ChangeRejectedException e)
        {
            // Batches before the rejected one may have landed; the full comparison that follows sets the rest right.
            report.Phases.ApplyMs = ZonePhaseTimings.Since(phase);
            return Fall(report, log, job.Zone, $"the hosted zone is not as the stored records say ({e.Route53Message ?? e.Message})");
        }

        report.Phases.ApplyMs = ZonePhaseTimings.Since(phase);
        Fill(report, transfer.AsTransferResult());
        report.Path = "Incremental";
        report.Changes = diff.Changes.Count + (diff.SerialChange is null ? 0 : 1);
        report.Batches = sync.ChangeIds.Count;
        report.Outcome = Outcome(sync.DryRun, plan.IsRefused, plan.IsEmpty, plan.IsEmptySource);
        report.Error = plan.RefusalReason;
        if (report.Outcome is not (nameof(ZoneRunOutcome.Synced) or nameof(ZoneRunOutcome.InSync)))
        {
            return (true, null);
        }

        zone.TargetSoa = diff.SerialChange?.RecordSet ?? zone.TargetSoa;
        return (true, await SaveAsync(state, zone.Serial, () => MirroredZoneCodec.Encode(zone, job.HostedZoneId), report, log, cancellationToken).ConfigureAwait(false));
    }

    private static List<ZoneDelta> RemapDeltas(OriginRemapper remap, IReadOnlyList<ZoneDelta> deltas) =>
        deltas.Select(delta => delta with { ToSoa = remap.Remap(delta.ToSoa), Deleted = remap.Remap(delta.Deleted), Added = remap.Remap(delta.Added) }).ToList();

    private static (bool, DnsMirrorZoneState?) Fall(ZoneRunReport report, TextWriter log, string zone, string reason)
    {
        report.Fallback = reason;
        log.WriteLine($"{zone}: {reason}; AXFR and a full comparison instead");
        return (false, null);
    }

    /// <summary>
    /// Stores the mirrored records; a failure is logged and leaves the row's pointer where it was (at an older serial,
    /// so the next run takes the full path): the zone itself is mirrored either way.
    /// </summary>
    private async Task<DnsMirrorZoneState?> SaveAsync(DnsMirrorZoneState state, uint serial, Func<ChunkedBuffer> encode, ZoneRunReport report, TextWriter log, CancellationToken cancellationToken)
    {
        var phase = Stopwatch.GetTimestamp();
        try
        {
            var blob = encode();
            return await _states.SaveAsync(state, serial, blob, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or TimeoutException)
        {
            log.WriteLine($"{state.Zone}: the mirrored records could not be stored ({e.GetType().Name}: {e.Message}); the next run compares the whole zone");
            return null;
        }
        finally
        {
            report.Phases.StateMs += ZonePhaseTimings.Since(phase);
        }
    }
}

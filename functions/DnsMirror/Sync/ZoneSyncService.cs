using System.Diagnostics;
using Amazon.Runtime;
using System.Security.Cryptography;
using DnsMirror.Config;
using DnsMirror.Diff;
using DnsMirror.Rfc2136;
using DnsMirror.Route53;
using DnsMirror.State;
using DnsMirror.Transfer;
using LambdaSuite.Aws.Route53;
using LambdaSuite.Data.DnsMirror;

namespace DnsMirror.Sync;

/// <summary>
/// One zone's run: take the zone's lease (which also reads its state row: the last mirrored serial), transfer when
/// the master moved, diff, plan and apply to the zone's target, record the outcome, release the lease. The serial
/// is recorded only once the target matches it, so a failed, refused or dry run is tried again next time. A zone
/// whose lease another run holds is reported <see cref="ZoneRunOutcome.ZoneBusy"/> and left alone. Every wait is
/// bounded by <c>deadline</c>.
/// </summary>
internal sealed partial class ZoneSyncService(Route53Client route53, IDnsMirrorZoneStore store, DnsMirrorSettings settings, TimeProvider time)
{
    private readonly ZoneStateRepository _states = new(store);

    /// <summary>
    /// Route 53's change-throughput bucket as this container spends it on AWS's endpoint (the service lives as long as
    /// the container, and the template runs one at a time), so every zone of a run and every warm run draw on one bucket.
    /// </summary>
    private readonly ChangeBudget _accountChanges = new(settings.ChangeBurst, settings.ChangesPerSecond, time: time);

    /// <summary>
    /// How long a lease outlives its owner's invocation. Lambda ends an invocation at its deadline (the template's
    /// 300 s timeout at most), so once the deadline has passed the owner cannot apply anything more; the margin
    /// covers clock differences between the hosts that compare expiries.
    /// </summary>
    public static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(60);

    public async Task<ZoneRunReport> RunAsync(ZoneJob job, DateTimeOffset deadline, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(log);
        var started = Stopwatch.GetTimestamp();
        var owner = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var now = time.GetUtcNow();
        var maybeHeld = true;
        try
        {
            var state = await store.TryAcquireLeaseAsync(job.Zone, owner, now, deadline + settings.DeadlineMargin + LeaseMargin, cancellationToken).ConfigureAwait(false);
            if (state is null)
            {
                maybeHeld = false;
                return Busy(job.Zone, started, log);
            }

            return await RunLeasedAsync(job, state, started, deadline, log, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Also after a failure, a cancelled run, or a take whose answer could not be read: the next run must not
            // wait for the expiry. The release is conditional on this run's token, so it never ends another's lease.
            if (maybeHeld)
            {
                await ReleaseAsync(job.Zone, owner, log).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// A release that fails (throttled, unreachable) is logged and left to the lease's expiry: it must not replace the
    /// zone's report nor stop the other zones of an all-zones run.
    /// </summary>
    private async Task ReleaseAsync(string zone, string owner, TextWriter log)
    {
        try
        {
            if (!await store.ReleaseLeaseAsync(zone, owner, CancellationToken.None).ConfigureAwait(false))
            {
                log.WriteLine($"{zone}: the zone's lease had expired and was taken over before this run ended");
            }
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or TimeoutException)
        {
            log.WriteLine($"{zone}: the zone's lease could not be released ({e.GetType().Name}: {e.Message}); the next run may take it once it expires");
        }
    }

    private async Task<ZoneRunReport> RunLeasedAsync(ZoneJob job, DnsMirrorZoneState state, long started, DateTimeOffset deadline, TextWriter log, CancellationToken cancellationToken)
    {
        var report = new ZoneRunReport { Zone = job.Zone, KnownSerial = state.LastSerial };
        var stateMs = ZonePhaseTimings.Since(started);
        DnsMirrorZoneState? saved = null;
        try
        {
            saved = await SyncAsync(job, state, deadline, report, log, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            report.Outcome = nameof(ZoneRunOutcome.Failed);
            report.Error = $"{e.GetType().Name}: {e.Message}";
            log.WriteLine($"{job.Zone}: failed: {report.Error}");
        }

        var mirrored = report.Outcome is nameof(ZoneRunOutcome.Synced) or nameof(ZoneRunOutcome.InSync);
        var write = Stopwatch.GetTimestamp();
        await store.RecordRunAsync(new DnsMirrorZoneState
        {
            Zone = job.Zone,
            LastSerial = mirrored ? report.MasterSerial : null,
            LastRunAt = time.GetUtcNow(),
            Outcome = report.Outcome,
            Changes = report.Changes,
            Batches = report.Batches,
            LastError = report.Error,
            Master = report.Master,
            StateSlot = mirrored ? saved?.StateSlot : null,
            StateChunks = saved?.StateChunks ?? 0,
            StateSerial = saved?.StateSerial,
            StateDigest = saved?.StateDigest,
        }, state.Version, CancellationToken.None).ConfigureAwait(false);
        report.Phases.StateMs += stateMs + ZonePhaseTimings.Since(write);
        report.Phases.TotalMs = ZonePhaseTimings.Since(started);
        return report;
    }

    private static ZoneRunReport Busy(string zone, long started, TextWriter log)
    {
        var report = new ZoneRunReport
        {
            Zone = zone,
            Outcome = nameof(ZoneRunOutcome.ZoneBusy),
            Error = "another run holds this zone's lease; nothing transferred, applied or recorded",
        };
        report.Phases.StateMs = report.Phases.TotalMs = ZonePhaseTimings.Since(started);
        log.WriteLine($"{zone}: zone busy: {report.Error}");
        return report;
    }

    /// <summary>The zone's sync; returns the stored records' new pointer when the run saved them (Route 53 targets).</summary>
    private async Task<DnsMirrorZoneState?> SyncAsync(ZoneJob job, DnsMirrorZoneState state, DateTimeOffset deadline, ZoneRunReport report, TextWriter log, CancellationToken cancellationToken)
    {
        var knownSerial = state.LastSerial;
        var source = new ZoneTransferClient(TransferOptions(job.Masters, job.MasterKey, deadline), time);
        if (job.Target == TargetKind.Route53)
        {
            var zone = new Route53HostedZone(route53.WithDeadline(deadline), job.HostedZoneId!, job.TargetZone, settings.PollInterval);
            // AWS's endpoint is paced (the client's account bucket); its record changes are then paced too. Configured endpoints are not.
            if (route53.Http.Pacer is not null)
            {
                job = job with { Options = job.Options with { Budget = _accountChanges } };
            }

            // An audit always compares in full: hand edits in Route 53 are what it looks for, and no delta shows them.
            if (!job.Audit && CanRunIncrementally(job, state) is { } known)
            {
                var (handled, saved) = await TryIncrementalAsync(source, zone, job, state, known, report, log, cancellationToken).ConfigureAwait(false);
                if (handled)
                {
                    return saved;
                }
            }

            return await FullSyncAsync(source, zone, job, state, report, log, cancellationToken).ConfigureAwait(false);
        }

        var phase = Stopwatch.GetTimestamp();
        var transfer = await source.TransferIfNewerAsync(job.Zone, job.Audit ? ZoneAudit.TransferFloor(knownSerial) : knownSerial, cancellationToken).ConfigureAwait(false);
        report.Phases.TransferMs = ZonePhaseTimings.Since(phase);
        Fill(report, transfer);
        if (job.Audit)
        {
            ZoneAudit.RelabelBehind(report, knownSerial);
        }

        if (transfer.Snapshot is null)
        {
            log.WriteLine($"{job.Zone}: serial {transfer.MasterSerial} at {transfer.Master} is {transfer.Outcome}{(transfer.Reason is null ? "" : $" ({transfer.Reason})")}; nothing to do");
            return null;
        }

        report.Path = "Full";
        var target = new Rfc2136ZoneTarget(new ZoneTransferClient(TransferOptions([job.Rfc2136Server!], job.Rfc2136Key, deadline), time));
        var snapshot = job.Options.Remap?.Apply(transfer.Snapshot) ?? transfer.Snapshot;
        var (plan, sent) = await target.MirrorAsync(snapshot, job.Options, log, report.Phases, cancellationToken).ConfigureAwait(false);
        report.Batches = sent;
        report.Changes = plan.Deletes.Count + plan.Adds.Count + (plan.SerialRecord is null ? 0 : 1);
        report.Outcome = Outcome(job.Options.DryRun, plan.IsRefused, plan.IsEmpty, plan.IsEmptySource);
        report.Error = plan.RefusalReason;
        return null;
    }

    private ZoneTransferOptions TransferOptions(IReadOnlyList<DnsMaster> masters, Tsig.TsigKey? key, DateTimeOffset deadline)
    {
        var left = deadline - time.GetUtcNow();
        return new ZoneTransferOptions
        {
            Masters = masters,
            Key = key,
            AttemptTimeout = settings.AttemptTimeout < left ? settings.AttemptTimeout : left,
            Deadline = left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1),
            MaxRecords = settings.MaxTransferRecords,
            MaxBytes = settings.MaxTransferBytes,
        };
    }

    internal static void Fill(ZoneRunReport report, ZoneTransferResult transfer)
    {
        report.MasterSerial = transfer.MasterSerial;
        report.Master = transfer.Master;
        report.Error = transfer.Reason;
        report.Outcome = transfer.Outcome switch
        {
            TransferOutcome.Unchanged => nameof(ZoneRunOutcome.Unchanged),
            TransferOutcome.MasterBehind => nameof(ZoneRunOutcome.MasterBehind),
            _ => nameof(ZoneRunOutcome.InSync),
        };
    }

    internal static string Outcome(bool dryRun, bool refused, bool empty, bool emptySource) =>
        refused && emptySource ? nameof(ZoneRunOutcome.EmptyTransfer)
        : refused ? nameof(ZoneRunOutcome.Refused)
        : dryRun ? nameof(ZoneRunOutcome.DryRun)
        : empty ? nameof(ZoneRunOutcome.InSync)
        : nameof(ZoneRunOutcome.Synced);
}

using DnsMirror.Route53;

namespace DnsMirror.Diff;

/// <summary>
/// Sends a plan's batches in order and waits for the last one to be INSYNC. Route 53 validates each batch
/// against the zone including earlier, still PENDING batches, so one wait at the end suffices.
/// </summary>
internal static class ZonePlanApplier
{
    /// <param name="budget">When given, each batch waits for its request and record-change tokens before it is sent.</param>
    public static async Task<ZoneSyncResult> ApplyAsync(IHostedZone zone, ZonePlan plan, bool dryRun, TextWriter log, CancellationToken cancellationToken = default, ChangeBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        ZonePlanPrinter.Write(plan, log);
        if (dryRun || plan.IsRefused || plan.IsEmpty)
        {
            if (dryRun)
            {
                log.WriteLine("dry run: nothing changed");
            }

            return new ZoneSyncResult(plan, [], dryRun);
        }

        var ids = new List<string>(plan.Batches.Count);
        for (var i = 0; i < plan.Batches.Count; i++)
        {
            if (budget is not null)
            {
                await budget.WaitAsync(plan.Batches[i].ResourceRecordCount, cancellationToken).ConfigureAwait(false);
            }

            var comment = $"DnsMirror batch {i + 1}/{plan.Batches.Count}";
            try
            {
                ids.Add(await zone.ChangeAsync(plan.Batches[i].Changes, comment, cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                budget?.Settle();
            }
        }

        await zone.WaitInSyncAsync(ids[^1], cancellationToken).ConfigureAwait(false);
        return new ZoneSyncResult(plan, ids, DryRun: false);
    }
}

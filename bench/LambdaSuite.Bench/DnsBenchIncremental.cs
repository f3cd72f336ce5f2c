using DnsMirror.Sync;
using LambdaSuite.Harness.Route53;

namespace LambdaSuite.Bench;

/// <summary>
/// The incremental case of <c>./suite bench dns</c>: after the full rounds have stored the zone's records, a fresh
/// bootstrap process (so its peak RSS is the incremental path's own) mirrors a share of the zone changed on the
/// primary (SOA query, IXFR, the stored records loaded and saved, no listing), then runs again on the unchanged zone
/// (one SOA query, no Route 53 call). The loopback Route 53 paces like the real one (<see cref="DnsBenchPacing"/>: the
/// account's request bucket and the change-throughput bucket, full at each round's start as a scheduled run finds
/// them) and holds each request until both could pay it, which is what the function's own pacers wait against AWS's
/// endpoint; the wall is measured with that pacing, and the function time is the report's total less the time held.
/// </summary>
internal sealed class DnsBenchIncremental(TextWriter output)
{
    public async Task RunAsync(DnsBenchSettings settings, DnsBenchZone zone, DnsBenchNamed named, Route53FakeServer route53, DnsBenchSync primed, string bootstrap, Func<string, string?> environment, TimeSpan fullPathPaced, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(named);
        ArgumentNullException.ThrowIfNull(route53);
        ArgumentNullException.ThrowIfNull(primed);
        var function = new DnsBenchFigures("(f) incremental, function time");
        var wall = new DnsBenchFigures("    incremental, wall, paced");
        var held = new DnsBenchFigures("    of which held by the pacing");
        var modelled = new DnsBenchFigures("    the model's pacing, same calls");
        var cpu = new DnsBenchFigures("    incremental, CPU");
        var unchanged = new DnsBenchFigures("(g) unchanged, function time");
        var unchangedWall = new DnsBenchFigures("    unchanged, wall");
        var calls = new List<string>();
        var phases = new List<string>();
        var peaks = new List<string>();
        var (batches, changes, unchangedCalls) = (0, 0, 0);
        route53.HoldUntilPaid = true;
        try
        {
            await using var session = await DnsBenchSync.StartAsync(bootstrap, environment, route53, named.Master, zone.Origin, ct, primed.Table).ConfigureAwait(false);
            var current = zone;
            var serial = DnsBenchZone.Serial;
            for (var round = -settings.Warmups; round < settings.Rounds; round++)
            {
                current = DnsBenchZoneChanges.Apply(current, settings.Seed + 1000 + round, settings.ChangePercent, ++serial, out var changed);
                await named.ReloadAsync(current.ToZoneFile(), zone.Origin, serial, ct).ConfigureAwait(false);
                settings.Pacing.Refill(route53.Zone);
                route53.ResetServerTime();
                var (lists, posts, gets, sized) = (route53.Zone.ListCalls, route53.Zone.ChangeCalls, route53.Zone.GetChangeCalls, route53.Zone.AcceptedBatchSizes.Count);
                var (report, elapsed, spent) = await session.RunAsync(ct, freshState: false).ConfigureAwait(false);
                var heldFor = route53.HeldTime;
                if (report.Outcome != nameof(ZoneRunOutcome.Synced) || report.Path != "Incremental")
                {
                    throw new InvalidOperationException($"incremental round ended {report.Outcome} on the {report.Path} path: {report.Fallback ?? report.Error}");
                }

                var (listed, posted, polled) = (route53.Zone.ListCalls - lists, route53.Zone.ChangeCalls - posts, route53.Zone.GetChangeCalls - gets);
                var sizes = route53.Zone.AcceptedBatchSizes.Skip(sized).ToList();
                var callLine = Invariant($"{listed} list pages, {posted} change batches of {string.Join(" + ", sizes)} records, {polled} GetChange");
                var before = route53.Zone.ListCalls + route53.Zone.ChangeCalls + route53.Zone.GetChangeCalls;
                var (again, againWall, _) = await session.RunAsync(ct, freshState: false).ConfigureAwait(false);
                if (again.Outcome != nameof(ZoneRunOutcome.Unchanged))
                {
                    throw new InvalidOperationException($"the run after the incremental one ended {again.Outcome}, not Unchanged");
                }

                // The peak after every round (its incremental and unchanged runs), warm-ups included: a warm process's peak climbs over its first runs.
                peaks.Add(session.PeakRssMegabytes is { } after ? Invariant($"{after:0.0}") : "?");
                if (round < 0)
                {
                    continue;
                }

                function.Add(TimeSpan.FromMilliseconds(report.Phases.TotalMs) - heldFor);
                wall.Add(elapsed);
                held.Add(heldFor);
                modelled.Add(settings.Pacing.Wait(listed, sizes, polled));
                cpu.Add(spent);
                unchanged.Add(TimeSpan.FromMilliseconds(again.Phases.TotalMs));
                unchangedWall.Add(againWall);
                calls.Add(callLine);
                phases.Add(report.Phases.ToString());
                (batches, changes) = (report.Batches, changed);
                unchangedCalls += route53.Zone.ListCalls + route53.Zone.ChangeCalls + route53.Zone.GetChangeCalls - before;
            }

            // The fake's counters run from the full rounds' last Load, when its buckets were off: all of these are this case's.
            var throttled = route53.Zone.ThrottledRequests + route53.Zone.ThrottledChanges;
            await output.WriteLineAsync(Invariant($"    Route 53's pacing                {settings.Pacing.Described}")).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"{function}   (target <= 300 ms; the report's total less the time held; {changes} records changed on the primary per round, {settings.ChangePercent}%)")).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"{wall}   (target <= 2 s with Route 53's pacing; the full path, modelled: {fullPathPaced.TotalSeconds:0.0} s)")).ConfigureAwait(false);
            await output.WriteLineAsync(held.ToString()).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"{modelled}   (the same requests back to back from full buckets; {throttled} requests throttled over every round)")).ConfigureAwait(false);
            await output.WriteLineAsync(cpu.ToString()).ConfigureAwait(false);
            await output.WriteLineAsync("    incremental phases per round   " + string.Join(" | ", phases)).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"    Route 53 per incremental run   {string.Join(" | ", calls.Distinct())}; {batches} change batches sent")).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"{unchanged}   (target <= 20 ms; one SOA query, {unchangedCalls} Route 53 calls over every round)")).ConfigureAwait(false);
            await output.WriteLineAsync(unchangedWall.ToString()).ConfigureAwait(false);
            var peak = session.PeakRssMegabytes is { } mb ? Invariant($"{mb:0.0} MB") : "not read";
            await output.WriteLineAsync(Invariant($"(h) peak RSS (VmHWM), incremental {peak}   (a fresh process that only ran incremental and unchanged rounds; target <= 64 MB)")).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"    peak after each round           {string.Join(", ", peaks)} MB   ({peaks.Count} incremental + unchanged pairs, warm-ups included)")).ConfigureAwait(false);
        }
        finally
        {
            route53.HoldUntilPaid = false;
            DnsBenchPacing.SwitchOff(route53.Zone);
        }
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

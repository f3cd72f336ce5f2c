using System.Globalization;
using DnsMirror.Sync;
using LambdaSuite.Harness.Route53;

namespace LambdaSuite.Bench;

/// <summary>
/// The drift audit case of <c>./suite bench dns</c>: on the hosted zone the incremental rounds left equal to the
/// primary, each round makes three hand edits in the loopback Route 53 (a record set deleted, one set to another value,
/// one added in the zone) and runs the packaged bootstrap with <c>"Audit": true</c> (a process of its own), which must
/// transfer and list in full and repair exactly those three. Route 53 answers unpaced here, as in the full rounds
/// (253 paced pages would cost some 20 s a round); the paced wall is the measured one plus what
/// <see cref="DnsBenchPacing.Wait"/> computes for the same requests.
/// </summary>
internal sealed class DnsBenchAudit(TextWriter output)
{
    public async Task RunAsync(DnsBenchSettings settings, DnsBenchZone zone, DnsBenchNamed named, Route53FakeServer route53, DnsBenchSync primed, string bootstrap, Func<string, string?> environment, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(named);
        ArgumentNullException.ThrowIfNull(route53);
        ArgumentNullException.ThrowIfNull(primed);
        var function = new DnsBenchFigures("(i) drift audit, function time");
        var wall = new DnsBenchFigures("    audit, wall");
        var ours = new DnsBenchFigures("    audit less Route 53");
        var paced = new DnsBenchFigures("    audit, wall + modelled pacing");
        var cpu = new DnsBenchFigures("    audit, CPU");
        var phases = new List<string>();
        var calls = new List<string>();
        var repaired = new List<string>();
        await using var session = await DnsBenchSync.StartAsync(bootstrap, environment, route53, named.Master, zone.Origin, ct, primed.Table, audit: true).ConfigureAwait(false);
        for (var round = -settings.Warmups; round < settings.Rounds; round++)
        {
            HandEdit(route53.Zone, zone.Origin, round + settings.Warmups);
            var (lists, posts, gets, sized) = (route53.Zone.ListCalls, route53.Zone.ChangeCalls, route53.Zone.GetChangeCalls, route53.Zone.AcceptedBatchSizes.Count);
            route53.ResetServerTime();
            var (report, elapsed, spent) = await session.RunAsync(ct, freshState: false).ConfigureAwait(false);
            if (report.Outcome != nameof(ZoneRunOutcome.Synced) || report.Audit is not { Created: 1, Updated: 1, Deleted: 1, Applied: true } audit)
            {
                throw new InvalidOperationException($"audit round ended {report.Outcome} ({report.Audit?.ToString() ?? report.Error}), not the three hand edits repaired");
            }

            if (round < 0)
            {
                continue;
            }

            var (listed, polled) = (route53.Zone.ListCalls - lists, route53.Zone.GetChangeCalls - gets);
            var sizes = route53.Zone.AcceptedBatchSizes.Skip(sized).ToList();
            function.Add(TimeSpan.FromMilliseconds(report.Phases.TotalMs));
            wall.Add(elapsed);
            ours.Add(elapsed - route53.ServerTime);
            paced.Add(elapsed + settings.Pacing.Wait(listed, sizes, polled));
            cpu.Add(spent);
            phases.Add(report.Phases.ToString());
            calls.Add(Invariant($"{listed} list pages, {route53.Zone.ChangeCalls - posts} change batches of {string.Join(" + ", sizes)} records, {polled} GetChange"));
            repaired.Add(Invariant($"created {audit.Created}, updated {audit.Updated}, deleted {audit.Deleted}"));
        }

        await output.WriteLineAsync(Invariant($"{function}   (target <= 1000 ms with a loopback Route 53; three hand edits made before each round)")).ConfigureAwait(false);
        await output.WriteLineAsync(wall.ToString()).ConfigureAwait(false);
        await output.WriteLineAsync(ours.ToString()).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"{paced}   (modelled: {settings.Pacing.Described})")).ConfigureAwait(false);
        await output.WriteLineAsync(cpu.ToString()).ConfigureAwait(false);
        await output.WriteLineAsync("    audit phases per round         " + string.Join(" | ", phases)).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"    Route 53 per audit             {string.Join(" | ", calls.Distinct())}")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"    repaired per audit             {string.Join(" | ", repaired.Distinct())}")).ConfigureAwait(false);
    }

    /// <summary>
    /// Three edits by hand, as in the console: one A set deleted, another given a documentation address, and a TXT
    /// set added at a name the primary does not have. Picked by the round from the zone's A sets in name order, so
    /// each round touches other sets.
    /// </summary>
    private static void HandEdit(FakeRoute53 hosted, string origin, int round)
    {
        var sets = hosted.Sets.Where(s => s.Type == "A" && s.Name != origin && !s.Name.StartsWith(@"\052", StringComparison.Ordinal))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var n = round.ToString(CultureInfo.InvariantCulture);
        var deleted = sets[round * 2 % sets.Count];
        var changed = sets[(round * 2 + 1) % sets.Count];
        if (!hosted.TryChange([new FakeRecordSetChange(FakeRecordSetChange.Delete, deleted)], out _, out _, out var refusal))
        {
            throw new InvalidOperationException("the bench's hand edit was refused: " + refusal);
        }

        hosted.Put(changed with { Values = ["198.51.100.254"] });
        hosted.Add("hand-edit-" + n + "." + origin, "TXT", 60, "\"added by hand\"");
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

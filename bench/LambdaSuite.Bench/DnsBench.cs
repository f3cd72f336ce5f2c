using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using DnsMirror.Config;
using DnsMirror.Diff;
using DnsMirror.Sync;
using DnsMirror.Transfer;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Data;
using LambdaSuite.Data.DnsMirror;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Route53;

namespace LambdaSuite.Bench;

/// <summary>
/// The DnsMirror bench: a generated zone served by a BIND 9 of its own, (a) our AXFR + parse against <c>dig AXFR</c>,
/// (b) the diff against a Route 53 listing with a share of the sets disturbed, (c) the whole sync (state read, SOA
/// query, AXFR, paginated listing, diff, plan, batches, INSYNC wait, state write) by the packaged Native AOT bootstrap
/// against a loopback Route 53 and DynamoDB Local, (d) batches sent against the minimum the limits allow, (e) the
/// function process's peak RSS; then the incremental case (<see cref="DnsBenchIncremental"/>). The shipped code is the bootstrap, so (b) and (c) are its own figures (the phase
/// timings it reports); the in-process diff runs JIT-compiled code and is printed beside them for comparison.
/// </summary>
public sealed class DnsBench(Func<string, string?> environment, TextWriter output)
{
    private const string HostedZoneId = "ZBENCH0000001";

    public async Task RunAsync(DnsBenchSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var zone = DnsBenchZone.Generate(settings.Seed, settings.Records);
        var listing = DnsBenchListing.Create(zone, settings.Seed, settings.ChangePercent);
        using var named = await DnsBenchNamed.StartAsync(RepositoryLayout.Discover(), zone.Origin, zone.ToZoneFile(), DnsBenchZone.Serial, ct).ConfigureAwait(false);
        await using var route53 = await Route53FakeServer.StartAsync(new FakeRoute53(HostedZoneId)).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"DnsMirror bench: {zone.Origin} {zone.Records.Count} records (seed {settings.Seed}), {settings.Rounds} round(s) after {settings.Warmups} warm-up, BIND 9 on {named.Master}")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"hosted zone listing: {listing.Sets.Count} record sets, {listing.Percent}% disturbed: {listing.Changed} changed, {listing.Missing} missing, {listing.Stale} stale")).ConfigureAwait(false);

        var source = new ZoneTransferClient(new ZoneTransferOptions { Masters = [DnsMaster.Parse(named.Master)] });
        var dig = FindDig();
        var (ours, digged, diffWall, diffCpu) = (new DnsBenchFigures("(a) AXFR + parse, ours (in-process)"), new DnsBenchFigures("    dig AXFR, wall"), new DnsBenchFigures("    diff + plan, in-process (JIT)"), new DnsBenchFigures("    diff + plan, in-process CPU"));
        var phases = new DnsBenchPhases();
        ZoneSnapshot? snapshot = null;
        ZonePlan? plan = null;
        ZoneRunReport? report = null;
        var peaks = new List<string>();
        var bootstrap = RepositoryLayout.Discover().PackagedBootstrap("DnsMirror");
        await using var syncRunner = await DnsBenchSync.StartAsync(bootstrap, environment, route53, named.Master, zone.Origin, ct).ConfigureAwait(false);
        for (var round = -settings.Warmups; round < settings.Rounds; round++)
        {
            var measured = round >= 0;
            var watch = Stopwatch.StartNew();
            snapshot = await source.TransferAsync(zone.Origin, ct).ConfigureAwait(false);
            Record(measured, ours, watch.Elapsed);
            if (dig is not null)
            {
                Record(measured, digged, await DigAsync(dig, named.Port, zone.Origin, ct).ConfigureAwait(false));
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            watch.Restart();
            var diff = ZoneDiffer.Diff(snapshot, listing.Sets);
            plan = ZonePlanner.Plan(diff, snapshot, new PlanOptions { MaxDeletePercent = 20 });
            Record(measured, diffWall, watch.Elapsed);
            Record(measured, diffCpu, Process.GetCurrentProcess().TotalProcessorTime - cpu);

            route53.Zone.Load(listing.FakeSets());
            route53.ResetServerTime();
            var (syncReport, wall, syncCpu) = await syncRunner.RunAsync(ct).ConfigureAwait(false);
            report = syncReport;
            peaks.Add(syncRunner.PeakRssMegabytes is { } after ? Invariant($"{after:0.0}") : "?");
            if (report.Outcome != nameof(ZoneRunOutcome.Synced))
            {
                throw new InvalidOperationException($"bench sync ended {report.Outcome}: {report.Error}");
            }

            if (measured)
            {
                phases.Add(report.Phases, wall, syncCpu, route53.ServerTime);
            }
        }

        await output.WriteLineAsync(Invariant($"{ours}   ({snapshot!.Records.Count} records, {snapshot.MessageCount} messages, {snapshot.ByteCount} bytes)")).ConfigureAwait(false);
        if (dig is null)
        {
            await output.WriteLineAsync("    dig AXFR                       not measured: dig is not installed (Debian package bind9-dnsutils)").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(digged.ToString()).ConfigureAwait(false);
            await output.WriteLineAsync(Invariant($"    ratio ours / dig (medians)     {ours.Median / digged.Median:0.00}x   (target <= 1.5x)")).ConfigureAwait(false);
        }

        await output.WriteLineAsync(phases.Transfer + "   (the function's own transfer phase: SOA query, AXFR, parse)").ConfigureAwait(false);
        var diffPlan = plan!.Diff;
        await output.WriteLineAsync(Invariant($"{phases.Diff}   (target < 200 ms; {diffPlan.Changes.Count} changes, {diffPlan.UnchangedRecordSets} unchanged sets)")).ConfigureAwait(false);
        await output.WriteLineAsync(diffWall.ToString()).ConfigureAwait(false);
        await output.WriteLineAsync(diffCpu.ToString()).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"{phases.Wall}   (event queued to answer; state {syncRunner.StateStore})")).ConfigureAwait(false);
        await output.WriteLineAsync(phases.Route53.ToString() + "   (Route 53's own time: the loopback server reading, answering, writing)").ConfigureAwait(false);
        await output.WriteLineAsync(phases.Ours + "   (target < 1000 ms plus Route 53's own latency)").ConfigureAwait(false);
        await output.WriteLineAsync(phases.Cpu.ToString()).ConfigureAwait(false);
        await output.WriteLineAsync("    the function's phases, medians  " + phases.Breakdown()).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"    Route 53 requests, last round  {route53.Zone.ListCalls} list pages, {route53.Zone.ChangeCalls} change batches, {route53.Zone.GetChangeCalls} GetChange")).ConfigureAwait(false);

        var changes = diffPlan.SerialChange is null ? diffPlan.Changes : [.. diffPlan.Changes, diffPlan.SerialChange];
        var (records, characters) = DnsBenchBatchMath.Totals(changes);
        var minimum = DnsBenchBatchMath.Minimum(records, characters);
        await output.WriteLineAsync(Invariant($"(d) change batches                 planned {plan.Batches.Count}, sent {report!.Batches}, minimum by the limits {minimum} ({records} records, {characters} value characters)")).ConfigureAwait(false);
        var functionPeak = syncRunner.PeakRssMegabytes is { } peak ? Invariant($"{peak:0.0} MB") : "not read";
        await output.WriteLineAsync(Invariant($"(e) peak RSS (VmHWM), function     {functionPeak} over every round   (target < 150 MB; the bench process itself: {PeakRssMegabytes():0.0} MB)")).ConfigureAwait(false);
        await output.WriteLineAsync(Invariant($"    peak after each whole sync     {string.Join(", ", peaks)} MB   ({peaks.Count} runs, warm-ups included)")).ConfigureAwait(false);
        // The last full round's requests, paced by the model: what the full path costs on real Route 53 (listing pages mostly).
        var fullPacing = settings.Pacing.Wait(route53.Zone.ListCalls, route53.Zone.AcceptedBatchSizes, route53.Zone.GetChangeCalls);
        var fullPaced = TimeSpan.FromMilliseconds(phases.Wall.Median) + fullPacing;
        await output.WriteLineAsync(Invariant($"    whole sync with pacing, modelled {fullPaced.TotalMilliseconds,8:0} ms   (median wall + {fullPacing.TotalSeconds:0.0} s the model computes for the last round's requests; {settings.Pacing.Described})")).ConfigureAwait(false);
        await new DnsBenchIncremental(output).RunAsync(settings, zone, named, route53, syncRunner, bootstrap, environment, fullPaced, ct).ConfigureAwait(false);
        await new DnsBenchAudit(output).RunAsync(settings, zone, named, route53, syncRunner, bootstrap, environment, ct).ConfigureAwait(false);
    }

    private static void Record(bool measured, DnsBenchFigures figures, TimeSpan elapsed)
    {
        if (measured)
        {
            figures.Add(elapsed);
        }
    }

    private static async Task<TimeSpan> DigAsync(string dig, int port, string zone, CancellationToken ct)
    {
        var start = new ProcessStartInfo(dig) { ArgumentList = { "@127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), zone, "AXFR" }, RedirectStandardOutput = true };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dig did not start");
        await process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, ct).ConfigureAwait(false);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var elapsed = watch.Elapsed;
        return process.ExitCode == 0 ? elapsed : throw new InvalidOperationException($"dig AXFR exited {process.ExitCode}");
    }

    private static string? FindDig() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/bin").Select(p => Path.Combine(p, "dig")).FirstOrDefault(File.Exists);

    /// <summary>VmHWM of /proc/self/status: the resident set's high-water mark, in MB.</summary>
    public static double PeakRssMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

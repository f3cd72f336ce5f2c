using System.Diagnostics;
using DnsMirror.Diff;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Rfc2136;

/// <summary>
/// A DNS server that takes TSIG-signed RFC 2136 UPDATEs (BIND and others) as the mirror's target: its
/// current content comes from its own AXFR, changes go out as UPDATE messages of at most ~60 kB each,
/// deletes before adds, the SOA serial last.
/// </summary>
internal sealed class Rfc2136ZoneTarget
{
    private readonly ZoneTransferClient _server;

    /// <param name="server">Client for the target server (its masters list), with the key it accepts.</param>
    public Rfc2136ZoneTarget(ZoneTransferClient server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server;
    }

    public async Task<Rfc2136Plan> PlanAsync(ZoneSnapshot source, DiffOptions? diffOptions = null, PlanOptions? planOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var current = await ReadCurrentAsync(source.Origin, cancellationToken).ConfigureAwait(false);
        return Rfc2136Differ.Plan(source, current, diffOptions, planOptions);
    }

    /// <summary>
    /// Reads the server's current content, plans and applies (or prints, on a dry run), timing the listing, the
    /// diff and the apply into <paramref name="timings"/> as each ends. Returns the plan and the UPDATE messages sent.
    /// </summary>
    public async Task<(Rfc2136Plan Plan, int Sent)> MirrorAsync(ZoneSnapshot source, MirrorOptions options, TextWriter log, ZonePhaseTimings timings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timings);
        var phase = Stopwatch.GetTimestamp();
        var current = await ReadCurrentAsync(source.Origin, cancellationToken).ConfigureAwait(false);
        timings.ListMs = ZonePhaseTimings.Since(phase);
        phase = Stopwatch.GetTimestamp();
        var plan = Rfc2136Differ.Plan(source, current, options.Diff, options.Plan);
        timings.DiffMs = ZonePhaseTimings.Since(phase);
        phase = Stopwatch.GetTimestamp();
        var sent = await ApplyAsync(plan, options.DryRun, log, cancellationToken).ConfigureAwait(false);
        timings.ApplyMs = ZonePhaseTimings.Since(phase);
        return (plan, sent);
    }

    /// <summary>The server's current content of <paramref name="origin"/>, by its own AXFR.</summary>
    private Task<ZoneSnapshot> ReadCurrentAsync(string origin, CancellationToken cancellationToken) =>
        _server.TransferAsync(origin, cancellationToken);

    /// <summary>Prints the plan, then (unless a dry run or refused) sends it; returns the UPDATE messages sent.</summary>
    public async Task<int> ApplyAsync(Rfc2136Plan plan, bool dryRun, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(log);
        Print(plan, log);
        if (dryRun || plan.IsRefused || plan.IsEmpty)
        {
            if (dryRun)
            {
                log.WriteLine("dry run: nothing changed");
            }

            return 0;
        }

        var operations = plan.Deletes.Select(r => (Delete: true, Record: r))
            .Concat(plan.Adds.Select(r => (Delete: false, Record: r)))
            .ToList();
        if (plan.SerialRecord is not null)
        {
            operations.Add((false, plan.SerialRecord));
        }

        var sent = 0;
        var deletes = new List<DnsResourceRecord>();
        var adds = new List<DnsResourceRecord>();
        var size = 0;
        foreach (var (delete, record) in operations)
        {
            var recordSize = DnsUpdateBuilder.SizeOf(record);
            if (size + recordSize > DnsUpdateBuilder.MaxMessageSize && size > 0)
            {
                await SendAsync(plan.Zone, deletes, adds, cancellationToken).ConfigureAwait(false);
                sent++;
                deletes.Clear();
                adds.Clear();
                size = 0;
            }

            (delete ? deletes : adds).Add(record);
            size += recordSize;
        }

        await SendAsync(plan.Zone, deletes, adds, cancellationToken).ConfigureAwait(false);
        return sent + 1;
    }

    private async Task SendAsync(string zone, List<DnsResourceRecord> deletes, List<DnsResourceRecord> adds, CancellationToken cancellationToken)
    {
        var request = DnsUpdateBuilder.Build(ZoneTransferClient.NewMessageId(), zone, deletes, adds);
        var response = await _server.ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Header.ResponseCode != DnsResponseCode.NoError)
        {
            throw new Rfc2136Exception($"UPDATE of {zone} ({deletes.Count} deletes, {adds.Count} adds) failed: {response.Header.ResponseCode}");
        }
    }

    private static void Print(Rfc2136Plan plan, TextWriter log)
    {
        log.WriteLine($"plan for {plan.Zone}: {plan.Deletes.Count} delete(s), {plan.Adds.Count} add(s), serial {(plan.SerialRecord is null ? "unchanged" : "mirrored")}, {plan.Skipped.Count} skipped");
        if (plan.RefusalReason is not null)
        {
            log.WriteLine("REFUSED: " + plan.RefusalReason);
        }

        foreach (var warning in plan.Warnings)
        {
            log.WriteLine("warning: " + warning);
        }

        foreach (var record in plan.Deletes)
        {
            log.WriteLine("  DELETE " + record);
        }

        foreach (var record in plan.Adds)
        {
            log.WriteLine("  ADD " + record);
        }

        foreach (var skip in plan.Skipped)
        {
            log.WriteLine($"skipped: {skip.Name} {skip.Type}: {skip.Reason}");
        }
    }
}

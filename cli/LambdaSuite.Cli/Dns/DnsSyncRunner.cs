using System.Diagnostics;
using DnsMirror.Diff;

namespace LambdaSuite.Cli.Dns;

/// <summary>Runs <c>suite dns plan|sync</c> against a Route 53 hosted zone or an RFC 2136 server.</summary>
internal static class DnsSyncRunner
{
    public static async Task<int> RunAsync(DnsSyncCommand command, bool asJson, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if ((command.ZoneId is null) == (command.Rfc2136Server is null))
        {
            await error.WriteLineAsync("give exactly one target: --zone-id ID (Route 53) or --rfc2136 HOST:PORT").ConfigureAwait(false);
            return 2;
        }

        var source = DnsCommands.Source(command.Masters, command.Tsig);
        var log = asJson ? new StringWriter() : output;
        string outcome;
        int changes, sent;
        uint serial;
        string? refusal;
        var timings = new ZonePhaseTimings();
        var started = Stopwatch.GetTimestamp();
        if (command.ZoneId is not null)
        {
            var result = await ZoneMirror.SyncAsync(source, DnsCommands.HostedZone(command.ZoneId, command.Zone), knownSerial: null, command.Options, log, timings, ct).ConfigureAwait(false);
            var sync = result.Sync!;
            serial = result.Transfer.MasterSerial;
            changes = sync.Plan.Diff.Changes.Count + (sync.Plan.Diff.SerialChange is null ? 0 : 1);
            sent = sync.ChangeIds.Count;
            refusal = sync.Plan.RefusalReason;
        }
        else
        {
            var snapshot = await source.TransferAsync(command.Zone, ct).ConfigureAwait(false);
            timings.TransferMs = ZonePhaseTimings.Since(started);
            var target = DnsCommands.Rfc2136Target(command.Rfc2136Server!, command.Tsig);
            (var plan, sent) = await target.MirrorAsync(snapshot, command.Options, log, timings, ct).ConfigureAwait(false);
            serial = snapshot.Serial;
            changes = plan.Deletes.Count + plan.Adds.Count + (plan.SerialRecord is null ? 0 : 1);
            refusal = plan.RefusalReason;
        }

        timings.TotalMs = ZonePhaseTimings.Since(started);
        outcome = refusal is not null ? "refused" : changes == 0 ? "in-sync" : command.Options.DryRun ? "planned" : "applied";
        if (asJson)
        {
            await output.WriteLineAsync(CliJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("zone", command.Zone);
                w.WriteString("target", command.ZoneId ?? command.Rfc2136Server);
                w.WriteNumber("serial", serial);
                w.WriteString("outcome", outcome);
                w.WriteNumber("changes", changes);
                w.WriteNumber("requests", sent);
                if (refusal is not null)
                {
                    w.WriteString("refusal", refusal);
                }

                w.WriteStartObject("phasesMs");
                w.WriteNumber("transfer", timings.TransferMs);
                w.WriteNumber("list", timings.ListMs);
                w.WriteNumber("diff", timings.DiffMs);
                w.WriteNumber("apply", timings.ApplyMs);
                w.WriteNumber("total", timings.TotalMs);
                w.WriteEndObject();
                w.WriteString("plan", log.ToString());
                w.WriteEndObject();
            })).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(FormattableString.Invariant(
                $"{command.Zone}: {outcome}, {changes} change(s), {sent} request(s) sent (transfer {timings.TransferMs:0} ms, list {timings.ListMs:0} ms, diff {timings.DiffMs:0} ms, apply {timings.ApplyMs:0} ms)")).ConfigureAwait(false);
        }

        return refusal is null ? 0 : 1;
    }
}

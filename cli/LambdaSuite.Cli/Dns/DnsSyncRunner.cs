using DnsMirror.Commands;

namespace LambdaSuite.Cli.Dns;

/// <summary>Runs <c>suite dns plan|sync|audit</c> against a Route 53 hosted zone or an RFC 2136 server.</summary>
internal static class DnsSyncRunner
{
    /// <param name="audit">Report the plan's record sets as repairs (<c>suite dns audit</c>): what differed in the target and was set right.</param>
    public static async Task<int> RunAsync(ZoneSyncCommand command, bool asJson, TextWriter output, TextWriter error, CancellationToken ct, bool audit = false)
    {
        if ((command.ZoneId is null) == (command.Rfc2136Server is null))
        {
            await error.WriteLineAsync("give exactly one target: --zone-id ID (Route 53) or --rfc2136 HOST:PORT").ConfigureAwait(false);
            return 2;
        }

        var log = asJson ? new StringWriter() : output;
        var summary = await DnsMirrorCommands.SyncAsync(command, Environment.GetEnvironmentVariable, log, ct).ConfigureAwait(false);
        var (serial, changes, sent, refusal) = (summary.Serial, summary.Changes, summary.Sent, summary.Refusal);
        var outcome = refusal is not null ? "refused" : changes == 0 ? "in-sync" : command.DryRun ? "planned" : audit ? "repaired" : "applied";
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
                w.WriteNumber("transfer", summary.TransferMs);
                w.WriteNumber("list", summary.ListMs);
                w.WriteNumber("diff", summary.DiffMs);
                w.WriteNumber("apply", summary.ApplyMs);
                w.WriteNumber("total", summary.TotalMs);
                w.WriteEndObject();
                if (audit)
                {
                    w.WriteStartArray("repaired");
                    foreach (var repair in summary.Repairs)
                    {
                        w.WriteStringValue(repair);
                    }

                    w.WriteEndArray();
                }

                w.WriteString("plan", log.ToString());
                w.WriteEndObject();
            })).ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(FormattableString.Invariant(
                $"{command.Zone}: {outcome}, {changes} change(s), {sent} request(s) sent (transfer {summary.TransferMs:0} ms, list {summary.ListMs:0} ms, diff {summary.DiffMs:0} ms, apply {summary.ApplyMs:0} ms)")).ConfigureAwait(false);
            if (audit)
            {
                foreach (var repair in summary.Repairs)
                {
                    await output.WriteLineAsync("repaired: " + repair).ConfigureAwait(false);
                }
            }
        }

        return refusal is null ? 0 : 1;
    }
}

using System.CommandLine;
using DnsMirror.Commands;

namespace LambdaSuite.Cli.Dns;

/// <summary>
/// <c>suite dns axfr|plan|sync|audit</c>: DnsMirror's steps by hand. The target is a Route 53 hosted zone
/// (<c>--zone-id</c>; endpoint from <c>AWS_ENDPOINT_URL_ROUTE_53</c>) or an RFC 2136 server (<c>--rfc2136</c>).
/// </summary>
public static class DnsCommands
{
    public static Command Create()
    {
        var master = new Option<string>("--master") { Description = "Primary server(s), host[:port], comma-separated, tried in order.", Required = true };
        var zone = new Option<string>("--zone") { Description = "Zone name, e.g. example.test.", Required = true };
        var tsig = new Option<string?>("--tsig") { Description = "TSIG key for the transfer (and the RFC 2136 target): NAME:ALGORITHM:BASE64SECRET." };
        var json = new Option<bool>("--json") { Description = "Print JSON." };

        var axfr = new Command("axfr", "Transfer a zone and print it like `dig AXFR`, one record per line.") { master, zone, tsig, json };
        axfr.SetAction((result, ct) => ReportFailures("axfr", result.InvocationConfiguration.Error, () =>
            AxfrAsync(result.GetValue(master)!, result.GetValue(tsig), result.GetValue(zone)!, result.GetValue(json), result.InvocationConfiguration.Output, ct)));

        var zoneId = new Option<string?>("--zone-id") { Description = "Route 53 hosted zone ID to mirror into." };
        var rfc2136 = new Option<string?>("--rfc2136") { Description = "RFC 2136 server to mirror into, host[:port] (signed with --tsig)." };
        var ignoreTtl = new Option<bool>("--ignore-ttl") { Description = "TTL-only differences are no change." };
        var maxDelete = new Option<int>("--max-delete-percent") { Description = "Refuse a plan deleting more than this share.", DefaultValueFactory = _ => 20 };
        var force = new Option<bool>("--force") { Description = "Apply even past --max-delete-percent." };

        var mirrorAs = new Option<string?>("--mirror-as") { Description = "Mirror the zone into a hosted zone of this other name (origin remapping), e.g. corp.aws.internal." };

        var plan = new Command("plan", "Transfer, compare with the target and print the change plan; change nothing.") { master, zone, tsig, zoneId, rfc2136, ignoreTtl, maxDelete, force, mirrorAs, json };
        var sync = new Command("sync", "Transfer, compare and apply the plan to the target.") { master, zone, tsig, zoneId, rfc2136, ignoreTtl, maxDelete, force, mirrorAs, json };
        var audit = new Command("audit", "Drift audit: full transfer and listing, repair what differs in the target (edits made by hand) and list each record set repaired.") { master, zone, tsig, zoneId, rfc2136, ignoreTtl, maxDelete, force, mirrorAs, json };
        foreach (var (command, dryRun) in new[] { (plan, true), (sync, false), (audit, false) })
        {
            command.SetAction((result, ct) =>
            {
                var request = new ZoneSyncCommand(
                    result.GetValue(master)!, result.GetValue(zone)!, result.GetValue(tsig), result.GetValue(zoneId), result.GetValue(rfc2136),
                    result.GetValue(ignoreTtl), result.GetValue(maxDelete), result.GetValue(force), dryRun)
                { MirrorAs = result.GetValue(mirrorAs) };
                return ReportFailures(command.Name, result.InvocationConfiguration.Error, () =>
                    DnsSyncRunner.RunAsync(request, result.GetValue(json), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct, audit: command == audit));
            });
        }

        return new Command("dns", "DnsMirror by hand: zone transfer, plan, sync, drift audit.") { axfr, plan, sync, audit };
    }

    /// <summary>
    /// A master that refuses, a bad key, a rejected batch or an unreachable server is an answer for the operator,
    /// not a crash: one line on standard error and exit code 1 (a stack trace would bury the reason).
    /// </summary>
    private static async Task<int> ReportFailures(string command, TextWriter error, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (Exception e) when (DnsMirrorCommands.IsOperatorFailure(e))
        {
            await error.WriteLineAsync($"dns {command}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    private static async Task<int> AxfrAsync(string masters, string? tsig, string zone, bool asJson, TextWriter output, CancellationToken ct)
    {
        var snapshot = await DnsMirrorCommands.TransferAsync(masters, tsig, zone, ct).ConfigureAwait(false);
        if (asJson)
        {
            await output.WriteLineAsync(CliJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("zone", snapshot.Origin);
                w.WriteNumber("serial", snapshot.Serial);
                w.WriteString("source", snapshot.Source);
                w.WriteStartArray("records");
                foreach (var record in snapshot.Records)
                {
                    w.WriteStartObject();
                    w.WriteString("name", record.Name);
                    w.WriteNumber("ttl", record.Ttl);
                    w.WriteString("type", record.Type);
                    w.WriteString("data", record.Data);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            })).ConfigureAwait(false);
            return 0;
        }

        await output.WriteLineAsync($"; AXFR {snapshot.Origin} from {snapshot.Source}: {snapshot.Records.Count} records, serial {snapshot.Serial}").ConfigureAwait(false);
        foreach (var record in snapshot.Records.Append(snapshot.Soa!))
        {
            await output.WriteLineAsync($"{record.Name}\t{record.Ttl}\tIN\t{record.Type}\t{record.Data}").ConfigureAwait(false);
        }

        await output.WriteLineAsync($";; XFR size: {snapshot.Records.Count + 1} records (messages {snapshot.MessageCount}, bytes {snapshot.ByteCount})").ConfigureAwait(false);
        return 0;
    }
}

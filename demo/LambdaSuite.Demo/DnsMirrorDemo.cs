using System.Globalization;
using DnsMirror.Rfc2136;
using DnsMirror.Transfer;
using DnsMirror.Tsig;
using DnsMirror.Wire;
using LambdaSuite.Harness;

namespace LambdaSuite.Demo;

/// <summary>
/// DnsMirror's scene on the local stack: example.test transferred from the BIND primary, its plan against the
/// secondary-site BIND (an RFC 2136 target, TSIG-signed), the sync, then a second run that finds nothing to do.
/// Runs DnsMirror's services in process (the same classes the bootstrap runs); then the Route 53 path through the
/// bootstrap into moto (<see cref="DnsMirrorRoute53Scene"/>).
/// </summary>
public static class DnsMirrorDemo
{
    private const string Zone = "example.test.";

    public static async Task<int> RunAsync(RepositoryLayout layout, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("== DnsMirror: BIND primary --AXFR--> plan --RFC 2136--> secondary-site BIND, and --> Route 53 private zone (moto)").ConfigureAwait(false);
        var primary = Environment.GetEnvironmentVariable("SUITE_DNS_PRIMARY");
        var secondary = Environment.GetEnvironmentVariable("SUITE_DNS_SECONDARY");
        var tsig = Environment.GetEnvironmentVariable("SUITE_DNS_TSIG");
        if (string.IsNullOrWhiteSpace(primary) || string.IsNullOrWhiteSpace(secondary) || string.IsNullOrWhiteSpace(tsig))
        {
            await output.WriteLineAsync("  DnsMirror: SUITE_DNS_PRIMARY/SECONDARY/TSIG are not set; start the stack first.").ConfigureAwait(false);
            return 1;
        }

        var key = TsigKey.Parse(tsig);
        var source = new ZoneTransferClient(new ZoneTransferOptions { Masters = DnsMaster.ParseList(primary) });
        var target = new Rfc2136ZoneTarget(new ZoneTransferClient(new ZoneTransferOptions { Masters = [DnsMaster.Parse(secondary)], Key = key }));

        var snapshot = await source.TransferAsync(Zone, ct).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  AXFR {Zone} from {snapshot.Source}: {snapshot.Records.Count} records, serial {snapshot.Serial}, {snapshot.MessageCount} message(s)")).ConfigureAwait(false);

        var first = await target.PlanAsync(snapshot, cancellationToken: ct).ConfigureAwait(false);
        var sent = await target.ApplyAsync(first, dryRun: false, new IndentedWriter(output), ct).ConfigureAwait(false);
        await output.WriteLineAsync($"  first run: {first.Deletes.Count} delete(s), {first.Adds.Count} add(s), {sent} UPDATE message(s) sent").ConfigureAwait(false);

        var again = await source.TransferAsync(Zone, ct).ConfigureAwait(false);
        var second = await target.PlanAsync(again, cancellationToken: ct).ConfigureAwait(false);
        var sentAgain = await target.ApplyAsync(second, dryRun: false, TextWriter.Null, ct).ConfigureAwait(false);
        await output.WriteLineAsync($"  second run: {second.Deletes.Count} delete(s), {second.Adds.Count} add(s), {sentAgain} UPDATE message(s): {(second.IsEmpty ? "no-op" : "NOT a no-op")}").ConfigureAwait(false);

        var ok = !first.IsRefused && second.IsEmpty && sentAgain == 0;
        var apex = snapshot.Records.Count(r => r.Type is DnsRecordType.SOA or DnsRecordType.NS && string.Equals(r.Name, snapshot.Origin, StringComparison.OrdinalIgnoreCase));
        var route53 = await DnsMirrorRoute53Scene.RunAsync(layout, output, snapshot.Records.Count - apex, snapshot.Serial, ct).ConfigureAwait(false);
        await output.WriteLineAsync(ok && route53
            ? "  DnsMirror: the secondary and the Route 53 private zone match the primary; each second run changed nothing.\n"
            : "  DnsMirror: the scene did not converge.\n").ConfigureAwait(false);
        ok &= route53;
        return ok ? 0 : 1;
    }
}

using System.CommandLine;
using LambdaSuite.Cli.Invoke;

namespace LambdaSuite.Bench;

/// <summary>
/// <c>./suite bench dns [--records 100000] [--seed 42] [--rounds 5] [--warmups 1] [--change-percent 1] [--change-burst 1000]
/// [--changes-per-second 500]</c>: DnsMirror on a generated zone served by a BIND 9 the bench starts (needs named, and
/// DynamoDB Local from the stack's environment); the last two are Route 53's change bucket the pacing is modelled with.
/// </summary>
public static class DnsBenchCommand
{
    public static Command Create() => Create(Environment.GetEnvironmentVariable);

    public static Command Create(Func<string, string?> environment)
    {
        var records = new Option<int>("--records") { Description = "Records in the generated zone.", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the zone and of the disturbed listing.", DefaultValueFactory = _ => 42 };
        var rounds = new Option<int>("--rounds") { Description = "Measured rounds (median, min, max printed).", DefaultValueFactory = _ => 5 };
        var warmups = new Option<int>("--warmups") { Description = "Unmeasured rounds first.", DefaultValueFactory = _ => 1 };
        var percent = new Option<double>("--change-percent") { Description = "Share of record sets changed, missing or stale in the hosted zone.", DefaultValueFactory = _ => 1 };
        var changeBurst = new Option<int>("--change-burst") { Description = "Route 53's change bucket, record changes at once (AWS gives no default; the function assumes 1000).", DefaultValueFactory = _ => DnsBenchPacing.Assumed.ChangeBurst };
        var changesPerSecond = new Option<double>("--changes-per-second") { Description = "Route 53's change bucket refill, record changes a second (the function assumes 500).", DefaultValueFactory = _ => DnsBenchPacing.Assumed.ChangesPerSecond };
        var command = new Command("dns", "DnsMirror: AXFR + parse vs dig, diff, whole sync, change batches, peak RSS on a 100,000-record zone") { records, seed, rounds, warmups, percent, changeBurst, changesPerSecond };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new DnsBenchSettings(parse.GetValue(seed), parse.GetValue(records), parse.GetValue(rounds), parse.GetValue(warmups), parse.GetValue(percent))
            {
                Pacing = new DnsBenchPacing(parse.GetValue(changeBurst), parse.GetValue(changesPerSecond)),
            };
            if (settings.Records < 10 || settings.Records > 1_000_000 || settings.Rounds < 1 || settings.Warmups < 0 || settings.ChangePercent is < 0 or > 20
                || settings.Pacing.ChangeBurst < 1 || settings.Pacing.ChangesPerSecond <= 0)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--records 10..1000000, --rounds >= 1, --warmups >= 0, --change-percent 0..20, --change-burst >= 1, --changes-per-second > 0.").ConfigureAwait(false);
                return InvokeCommand.UsageErrorExitCode;
            }

            await new DnsBench(environment, parse.InvocationConfiguration.Output).RunAsync(settings, ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}

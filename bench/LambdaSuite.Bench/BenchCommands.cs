using System.CommandLine;

namespace LambdaSuite.Bench;

/// <summary><c>./suite bench &lt;name&gt;</c>: each benchmark is a subcommand; adding one is one line in <see cref="Subcommands"/>.</summary>
public static class BenchCommands
{
    public static RootCommand Create()
    {
        var bench = new RootCommand("Measure the functions: cold-start, ses, iot, fanout, dns, sizing (figures are medians with min and max, and the machine)");
        foreach (var subcommand in Subcommands())
        {
            bench.Subcommands.Add(subcommand);
        }

        return bench;
    }

    private static IEnumerable<Command> Subcommands()
    {
        yield return ColdStartCommand.Create();
        yield return SesBenchCommand.Create();
        yield return FanoutBenchCommand.Create();
        yield return IotBenchCommand.Create();
        yield return SizingCommand.Create();
        yield return DnsBenchCommand.Create();
    }
}

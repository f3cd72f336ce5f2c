using System.CommandLine;
using LambdaSuite.Cli.Bench;
using LambdaSuite.Cli.Fanout;
using LambdaSuite.Cli.Stack;

namespace LambdaSuite.Cli;

/// <summary>Every command group of the CLI. Each group lives in its own folder and adds one line here.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All()
    {
        yield return StackCommands.Create();
        yield return FanoutCommands.Create();

        // Until this branch meets main's bench group: there, BenchCommands lists FanoutBenchCommand.Create() instead.
        yield return FanoutBenchCommand.CreateGroup();
    }
}

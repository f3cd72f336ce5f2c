using System.CommandLine;
using LambdaSuite.Cli.Chat;
using LambdaSuite.Cli.Devices;
using LambdaSuite.Cli.Dns;
using LambdaSuite.Cli.Fanout;
using LambdaSuite.Cli.Invoke;
using LambdaSuite.Cli.Mailing;
using LambdaSuite.Cli.Packaging;
using LambdaSuite.Cli.Stack;

namespace LambdaSuite.Cli;

/// <summary>Every command group of the CLI. Each group lives in its own folder and adds one line here.</summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All()
    {
        yield return StackCommands.Create();
        yield return InvokeCommand.Create();
        yield return PackageCommand.Create();
        yield return MailingCommands.Create();
        yield return FanoutCommands.Create();
        yield return DevicesCommands.Create();
        yield return DnsCommands.Create();
        yield return ChatCommands.Create();
    }
}

using System.CommandLine;
using LambdaSuite.Cli.Dns;

namespace Cli.Tests.Dns;

/// <summary>Runs `dns …` in-process, the way `./suite dns …` parses it, and keeps what it printed.</summary>
internal static class DnsCli
{
    public static async Task<DnsCliRun> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var parseResult = DnsCommands.Create().Parse(args);

        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        return new DnsCliRun(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>One command's exit code, standard output and standard error.</summary>
internal sealed record DnsCliRun(int ExitCode, string Output, string Error)
{
    /// <summary>The output's lines without the trailing empty one.</summary>
    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";
}

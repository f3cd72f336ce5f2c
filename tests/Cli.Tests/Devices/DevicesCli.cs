using System.CommandLine;
using LambdaSuite.Cli.Devices;

namespace Cli.Tests.Devices;

/// <summary>Runs `devices …` in-process with a given environment, the way `./suite devices …` parses it, and keeps what it printed.</summary>
internal static class DevicesCli
{
    public static async Task<DevicesCliRun> InvokeAsync(Func<string, string?> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await DevicesCommands.Create(environment).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new DevicesCliRun(exitCode, output.ToString(), error.ToString());
    }
}

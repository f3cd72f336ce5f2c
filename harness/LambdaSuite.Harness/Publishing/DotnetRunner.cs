using System.Diagnostics;

namespace LambdaSuite.Harness.Publishing;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process. Publishes take minutes on a busy machine, so a heartbeat line
/// goes to the progress writer while it runs; the full output is kept for the error message when it fails.
/// </summary>
public sealed class DotnetRunner(TextWriter progress)
{
    private static readonly TimeSpan s_heartbeat = TimeSpan.FromSeconds(15);

    public async Task<DotnetRunResult> RunAsync(IReadOnlyList<string> arguments, string workingDirectory, string activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var startInfo = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // A build server left behind would outlive the CLI and hold files; these runs are one-shot.
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        var lines = new List<string>();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Collect(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(lines, e.Data);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync(cancellationToken);
        while (await Task.WhenAny(exited, Task.Delay(s_heartbeat, cancellationToken)).ConfigureAwait(false) != exited)
        {
            await progress.WriteLineAsync($"  ... {activity}: {stopwatch.Elapsed.TotalSeconds:0} s").ConfigureAwait(false);
        }

        try
        {
            await exited.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        // WaitForExitAsync returns after the redirected streams reached EOF, so every line is in.
        lock (lines)
        {
            return new DotnetRunResult(process.ExitCode, [.. lines], stopwatch.Elapsed);
        }
    }

    private static void Collect(List<string> lines, string? line)
    {
        if (line is not null)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace LambdaSuite.Demo;

/// <summary>
/// boto3, AWS's own Python SDK, as the demo's outside eye on moto: it makes the destinations the functions write to
/// and reads back what arrived, so the scene never judges the in-house clients by themselves. Python 3 with boto3
/// comes with the stack's moto. The tests have their own runner in TestKit (the CLI does not reference test code).
/// Arguments travel as <c>ARG_*</c> environment variables, never spliced into the script.
/// </summary>
public static class DemoBoto3
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    public static async Task<string> RunAsync(string script, CancellationToken ct, params (string Name, string Value)[] arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(script);
        var startInfo = new ProcessStartInfo("python3")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add("-");
        startInfo.Environment["AWS_DEFAULT_REGION"] = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";
        foreach (var (name, value) in arguments)
        {
            startInfo.Environment["ARG_" + name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("python3 could not be started; the demo reads moto back with boto3, which comes with moto.");
        await process.StandardInput.WriteAsync("import os, json, base64, urllib.request, boto3\n" + script).ConfigureAwait(false);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"A boto3 step of the demo ran longer than {s_timeout.TotalSeconds} s and was stopped; is moto up (./suite stack status)?");
        }

        return process.ExitCode == 0
            ? (await output.ConfigureAwait(false)).Trim()
            : throw new InvalidOperationException($"A boto3 step of the demo failed (exit {process.ExitCode}); is moto up (./suite stack status)? Python said: {(await error.ConfigureAwait(false)).Trim()}");
    }
}

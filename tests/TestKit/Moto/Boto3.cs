using System.Diagnostics;
using System.Text;
using LambdaSuite.TestKit.Emulator;

namespace LambdaSuite.TestKit.Moto;

/// <summary>
/// boto3, AWS's own Python SDK, as a second client that checks what the in-house clients wrote or read. A test hands
/// it a short script; the script reaches the stack's moto through the same <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>
/// variables (botocore reads them too), or the emulator container <see cref="AwsEmulator"/> chose, and prints its
/// answer on stdout. Bounded in time; a failure carries Python's
/// own error text.
/// </summary>
public static class Boto3
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="script"/> with <c>boto3</c> imported and returns what it printed.</summary>
    public static async Task<string> RunAsync(string script, params (string Name, string Value)[] arguments)
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
        AwsEmulator.Shared.ApplyTo(startInfo.Environment);
        foreach (var (name, value) in arguments)
        {
            // Values travel as environment variables, so no test text is ever spliced into Python source.
            startInfo.Environment["ARG_" + name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("python3 could not be started; boto3 checks need it (it comes with the stack's moto).");
        await process.StandardInput.WriteAsync("import os, json, base64, boto3\n" + script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"a boto3 check ran longer than {s_timeout.TotalSeconds} s and was stopped.");
        }

        return process.ExitCode == 0
            ? (await output).Trim()
            : throw new InvalidOperationException($"a boto3 check failed (exit {process.ExitCode}): {await error}");
    }
}

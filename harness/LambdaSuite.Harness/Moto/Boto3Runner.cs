using System.Diagnostics;
using System.Text;

namespace LambdaSuite.Harness.Moto;

/// <summary>
/// boto3, AWS's own Python SDK, as the outside eye on the emulator for the tests and the demo alike: a caller hands it
/// a short script that makes a resource or reads back what arrived, so the in-house clients are never the judge of
/// their own writes. The script reaches the emulator through the same <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variables
/// (botocore reads them too) and prints its answer on stdout. Arguments travel as <c>ARG_*</c> environment variables,
/// never spliced into Python source. Bounded in time; a failure carries Python's own error text. Python 3 with boto3
/// comes with the stack's moto.
/// </summary>
public static class Boto3Runner
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="script"/> with <c>os</c>, <c>json</c>, <c>base64</c>, <c>urllib.request</c> and <c>boto3</c> imported; returns what it printed.</summary>
    /// <param name="environment">Changes to the child's environment (e.g. an emulator container's endpoints), applied before the arguments.</param>
    public static async Task<string> RunAsync(
        string script,
        IReadOnlyCollection<(string Name, string Value)> arguments,
        Action<IDictionary<string, string?>>? environment = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(script);
        ArgumentNullException.ThrowIfNull(arguments);
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
        environment?.Invoke(startInfo.Environment);
        foreach (var (name, value) in arguments)
        {
            startInfo.Environment["ARG_" + name] = value;
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("python3 could not be started; boto3 steps need it (it comes with the stack's moto).");
        await process.StandardInput.WriteAsync("import os, json, base64, urllib.request, boto3\n" + script).ConfigureAwait(false);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"A boto3 step ran longer than {s_timeout.TotalSeconds} s and was stopped; is moto up (./suite stack status)?");
        }

        return process.ExitCode == 0
            ? (await output.ConfigureAwait(false)).Trim()
            : throw new InvalidOperationException($"A boto3 step failed (exit {process.ExitCode}); is moto up (./suite stack status)? Python said: {(await error.ConfigureAwait(false)).Trim()}");
    }
}

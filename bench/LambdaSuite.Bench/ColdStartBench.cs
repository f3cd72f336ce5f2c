using LambdaSuite.Harness.Publishing;
using LambdaSuite.Harness.Runtime;

namespace LambdaSuite.Bench;

/// <summary>
/// Starts an executable against a fresh <see cref="LocalRuntimeApi"/> with its first event
/// (<see cref="ColdStartEvents"/>) queued and measures process start → first response POST, then reads the peak RSS before killing it. A fresh API per
/// run keeps a killed process's pending long-poll from swallowing the next run's event.
/// </summary>
public sealed class ColdStartBench
{
    /// <summary>The SDK's variable naming extra trusted certificates (a PEM file); kept out of the measured process.</summary>
    public const string CaBundleVariable = "AWS_CA_BUNDLE";

    /// <param name="architecture">What the executable was built for; another than this machine's runs under qemu, so its times and RSS are the emulator's.</param>
    public async Task<ColdStartSample> MeasureOnceAsync(string executable, string functionName, TimeSpan timeout, CancellationToken cancellationToken, LambdaArchitecture? architecture = null)
    {
        await using var api = await LocalRuntimeApi.StartAsync(cancellationToken).ConfigureAwait(false);
        var invocation = api.Enqueue(ColdStartEvents.For(functionName));
        // Lambda sets no AWS_CA_BUNDLE, while some machines export one for every tool; AWSSDK.Core 4.1 honours it by
        // parsing the whole PEM bundle when the first client is made (40-110 ms measured here), which is not Lambda's
        // cold start. The bench measures what Lambda runs.
        var environment = new Dictionary<string, string?> { ["AWS_LAMBDA_FUNCTION_NAME"] = functionName, [CaBundleVariable] = null };
        await using var process = BootstrapProcess.Start(executable, api.HostAndPort, environment, onOutputLine: null, architecture);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var timedOut = Task.Delay(Timeout.Infinite, timer.Token);
        var first = await Task.WhenAny(invocation.Outcome, api.InitError, process.Exited, timedOut).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        if (first == invocation.Outcome)
        {
            var outcome = await invocation.Outcome.ConfigureAwait(false);
            var rss = process.ReadPeakResidentKib();
            return outcome.IsError
                ? new ColdStartSample(null, rss, "invocation error " + outcome.Error?.ErrorType)
                : new ColdStartSample(
                    System.Diagnostics.Stopwatch.GetElapsedTime(process.StartTimestamp, outcome.ReceivedTimestamp),
                    rss,
                    null,
                    System.Diagnostics.Stopwatch.GetElapsedTime(process.StartTimestamp, invocation.PickedUpTimestamp));
        }

        if (first == api.InitError)
        {
            return new ColdStartSample(null, process.ReadPeakResidentKib(), "init error " + (await api.InitError.ConfigureAwait(false)).ErrorType);
        }

        return first == process.Exited
            ? new ColdStartSample(null, null, $"exited with code {await process.Exited.ConfigureAwait(false)} before answering")
            : new ColdStartSample(null, process.ReadPeakResidentKib(), "no answer within timeout");
    }

    /// <summary>One unmeasured warm-up start (disk cache, the API's own JIT), then <paramref name="runs"/> measured ones.</summary>
    public async Task<ColdStartSummary> MeasureAsync(BenchTarget target, string mode, string executable, int runs, TimeSpan timeout, CancellationToken cancellationToken, LambdaArchitecture? architecture = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        await MeasureOnceAsync(executable, target.Name, timeout, cancellationToken, architecture).ConfigureAwait(false);
        var samples = new List<ColdStartSample>(runs);
        for (var i = 0; i < runs; i++)
        {
            samples.Add(await MeasureOnceAsync(executable, target.Name, timeout, cancellationToken, architecture).ConfigureAwait(false));
        }

        return ColdStartSummary.From(target.Name, mode, samples);
    }
}

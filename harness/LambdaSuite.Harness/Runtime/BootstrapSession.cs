using LambdaSuite.Harness.Publishing;

namespace LambdaSuite.Harness.Runtime;

/// <summary>
/// One function's packaged <c>bootstrap</c> serving many invocations from one local Runtime API, as a warm
/// Lambda execution environment does: the demo and benchmarks drive functions through it.
/// </summary>
public sealed class BootstrapSession : IAsyncDisposable
{
    private readonly LocalRuntimeApi _api;
    private readonly BootstrapProcess _process;

    private BootstrapSession(LocalRuntimeApi api, BootstrapProcess process)
    {
        _api = api;
        _process = process;
    }

    /// <param name="environment">Variables set for the process on top of the current environment (a table name, a policy).</param>
    /// <param name="architecture">What the bootstrap was built for; another than this machine's runs under qemu.</param>
    public static async Task<BootstrapSession> StartAsync(
        string bootstrapPath, string functionName, Action<string>? onLogLine, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? environment = null,
        LambdaArchitecture? architecture = null)
    {
        if (!File.Exists(bootstrapPath))
        {
            var arch = architecture is null || architecture.IsHost ? LambdaArchitecture.HostName : architecture.Name;
            throw new FileNotFoundException($"No bootstrap at {bootstrapPath}: run `./suite package --function {functionName} --arch {arch}` first.", bootstrapPath);
        }

        var api = await LocalRuntimeApi.StartAsync(cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>()) { ["AWS_LAMBDA_FUNCTION_NAME"] = functionName };
        return new BootstrapSession(api, BootstrapProcess.Start(bootstrapPath, api.HostAndPort, variables, onLogLine, architecture));
    }

    /// <summary>Queues one event and waits for the runtime's answer (or its exit, or the timeout).</summary>
    public async Task<InvocationOutcome> InvokeAsync(ReadOnlyMemory<byte> eventJson, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var invocation = _api.Enqueue(eventJson, new LocalInvocationOptions(timeout));
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var first = await Task.WhenAny(invocation.Outcome, _process.Exited, _api.InitError, Task.Delay(Timeout.Infinite, timer.Token)).ConfigureAwait(false);
        if (first == invocation.Outcome)
        {
            return await invocation.Outcome.ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (first == _api.InitError)
        {
            throw new InvalidOperationException($"The bootstrap failed to initialise: {(await _api.InitError.ConfigureAwait(false)).ErrorMessage}");
        }

        throw new InvalidOperationException(first == _process.Exited
            ? $"The bootstrap exited with code {await _process.Exited.ConfigureAwait(false)} without answering."
            : $"The bootstrap did not answer within {timeout.TotalSeconds:0} s.");
    }

    /// <summary>The process's peak resident set size so far, in KiB (null once it is gone).</summary>
    public long? PeakResidentKib => _process.ReadPeakResidentKib();

    /// <summary>The process's CPU time so far (null once it is gone).</summary>
    public TimeSpan? CpuTime => _process.ReadCpuTime();

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync().ConfigureAwait(false);
        await _api.DisposeAsync().ConfigureAwait(false);
    }
}

using System.Diagnostics;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.Runtime;

namespace LambdaSuite.Cli.Invoke;

/// <summary>
/// Runs one event through a function, either as Lambda would (its packaged <c>bootstrap</c> as a child process
/// against <see cref="LocalRuntimeApi"/>) or in-process through its <c>Create</c> factory.
/// </summary>
public sealed class FunctionInvoker
{
    /// <summary>How long to wait for a process that posted init/error to exit, so its exit code can be reported.</summary>
    private static readonly TimeSpan s_exitGrace = TimeSpan.FromSeconds(5);

    private readonly Action<string> _logSink;

    /// <param name="logSink">Receives the function's log lines (the CLI sends them to stderr).</param>
    public FunctionInvoker(Action<string> logSink)
    {
        ArgumentNullException.ThrowIfNull(logSink);
        _logSink = logSink;
    }

    public async Task<InvokeResult> InvokeProcessAsync(
        string bootstrapPath,
        string functionName,
        ReadOnlyMemory<byte> eventJson,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(bootstrapPath))
        {
            throw new FileNotFoundException($"No bootstrap at {bootstrapPath}: run `./suite package --function {functionName} --arch host` first (this machine runs its own architecture's bootstrap).", bootstrapPath);
        }

        await using var api = await LocalRuntimeApi.StartAsync(cancellationToken).ConfigureAwait(false);
        var invocation = api.Enqueue(eventJson, new LocalInvocationOptions(timeout));
        var environment = new Dictionary<string, string?>();
        if (Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME") is null)
        {
            environment["AWS_LAMBDA_FUNCTION_NAME"] = functionName;
        }

        var stopwatch = Stopwatch.StartNew();
        await using var process = BootstrapProcess.Start(bootstrapPath, api.HostAndPort, environment, _logSink);
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        var timedOut = Task.Delay(Timeout.Infinite, timer.Token);
        var first = await Task.WhenAny(invocation.Outcome, api.InitError, process.Exited, timedOut).ConfigureAwait(false);
        var elapsed = stopwatch.Elapsed;
        cancellationToken.ThrowIfCancellationRequested();

        if (first == invocation.Outcome)
        {
            var outcome = await invocation.Outcome.ConfigureAwait(false);
            return outcome.IsError
                ? new InvokeResult(InvokeStatus.InvocationError, invocation.RequestId, null, outcome.Error, null, elapsed)
                : new InvokeResult(InvokeStatus.Succeeded, invocation.RequestId, outcome.Body, null, null, elapsed);
        }

        if (first == api.InitError)
        {
            var exitCode = await ExitCodeWithinAsync(process.Exited, s_exitGrace).ConfigureAwait(false);
            return new InvokeResult(InvokeStatus.InitError, invocation.RequestId, null, await api.InitError.ConfigureAwait(false), exitCode, elapsed);
        }

        if (first == process.Exited)
        {
            var exitCode = await process.Exited.ConfigureAwait(false);
            var error = new LambdaError($"The process exited with code {exitCode} without answering the invocation.", "Runtime.ExitError", []);
            return new InvokeResult(InvokeStatus.ProcessExited, invocation.RequestId, null, error, exitCode, elapsed);
        }

        var timeoutError = new LambdaError($"No answer within {timeout.TotalSeconds:0.#} s.", "Sandbox.Timedout", []);
        return new InvokeResult(InvokeStatus.TimedOut, invocation.RequestId, null, timeoutError, null, elapsed);
    }

    public async Task<InvokeResult> InvokeInProcessAsync(
        FunctionEntry function,
        Func<string, string?> environment,
        ReadOnlyMemory<byte> eventJson,
        TimeSpan timeout,
        Stream logOutput)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(logOutput);
        if (function.CreateInProcess is null)
        {
            throw new InvalidOperationException($"{function.Name} has no in-process factory yet (see FunctionCatalog); invoke its packaged bootstrap instead.");
        }

        var requestId = Guid.NewGuid().ToString();
        var stopwatch = Stopwatch.StartNew();
        ILambdaFunction instance;
        try
        {
            instance = function.CreateInProcess(environment);
        }
        catch (Exception ex)
        {
            return new InvokeResult(InvokeStatus.InitError, requestId, null, LambdaError.FromException(ex), null, stopwatch.Elapsed);
        }

        var invocation = new LambdaInvocation(requestId, eventJson.ToArray())
        {
            DeadlineMs = (DateTimeOffset.UtcNow + timeout).ToUnixTimeMilliseconds(),
            InvokedFunctionArn = LocalInvocationOptions.DefaultFunctionArn,
            TraceId = LocalRuntimeApi.NewTraceId(),
        };
        var logger = JsonLambdaLogger.FromEnvironment(environment, logOutput).ForInvocation(requestId, invocation.TraceId);
        using var context = new LambdaContext(invocation, LambdaFunctionSettings.FromEnvironment(environment), logger, TimeProvider.System);
        try
        {
            var response = await instance.InvokeAsync(invocation.EventJson, context).ConfigureAwait(false);
            return new InvokeResult(InvokeStatus.Succeeded, requestId, response, null, null, stopwatch.Elapsed);
        }
        catch (Exception ex)
        {
            return new InvokeResult(InvokeStatus.InvocationError, requestId, null, LambdaError.FromException(ex), null, stopwatch.Elapsed);
        }
    }

    private static async Task<int?> ExitCodeWithinAsync(Task<int> exited, TimeSpan grace)
    {
        try
        {
            return await exited.WaitAsync(grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }
}

namespace LambdaSuite.Runtime;

/// <summary>
/// The custom-runtime loop: init once, then next → invoke → response (or error) until cancelled. A failing
/// invocation is reported and the loop goes on; only a failing init or an unreachable Runtime API ends it.
/// </summary>
public sealed class LambdaRuntimeLoop
{
    /// <summary>Exit code when init failed (init/error was posted) or the Runtime API is gone.</summary>
    public const int FailureExitCode = 1;

    private readonly LambdaRuntimeApiClient _client;
    private readonly LambdaFunctionSettings _settings;
    private readonly JsonLambdaLogger _logger;
    private readonly TimeProvider _timeProvider;

    public LambdaRuntimeLoop(LambdaRuntimeApiClient client, LambdaFunctionSettings settings, JsonLambdaLogger logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _client = client;
        _settings = settings;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <summary>Runs until <paramref name="cancellationToken"/> fires (exit code 0) or init fails (non-zero).</summary>
    public async Task<int> RunAsync(Func<ILambdaFunction> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var function = await InitializeAsync(factory, cancellationToken).ConfigureAwait(false);
        if (function is null)
        {
            return FailureExitCode;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            LambdaInvocation invocation;
            try
            {
                invocation = await _client.GetNextInvocationAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (HttpRequestException ex)
            {
                _logger.Log(LambdaLogLevel.Critical, "The Runtime API is unreachable; stopping.", exception: ex);
                return FailureExitCode;
            }
            catch (LambdaRuntimeApiException ex) when (ex.StatusCode is null)
            {
                // An event without a request id cannot be answered; wait for the next one.
                _logger.Log(LambdaLogLevel.Error, "Skipped an invocation the Runtime API did not identify.", exception: ex);
                continue;
            }
            catch (LambdaRuntimeApiException ex)
            {
                _logger.Log(LambdaLogLevel.Critical, "The Runtime API refused invocation/next; stopping.", exception: ex);
                return FailureExitCode;
            }

            await InvokeAsync(function, invocation, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private async Task<ILambdaFunction?> InitializeAsync(Func<ILambdaFunction> factory, CancellationToken cancellationToken)
    {
        try
        {
            return factory();
        }
        catch (Exception ex)
        {
            _logger.Log(LambdaLogLevel.Critical, "Function init failed.", exception: ex);
            try
            {
                await _client.PostInitErrorAsync(LambdaError.FromException(ex), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception postFailure) when (postFailure is HttpRequestException or LambdaRuntimeApiException or OperationCanceledException)
            {
                _logger.Log(LambdaLogLevel.Critical, "Could not post init/error.", exception: postFailure);
            }

            return null;
        }
    }

    private async Task InvokeAsync(ILambdaFunction function, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        // X-Ray SDKs read the current trace header from this variable, as under the managed runtimes.
        Environment.SetEnvironmentVariable(RuntimeApiHeaders.TraceIdEnvironmentVariable, invocation.TraceId);
        var logger = _logger.ForInvocation(invocation.RequestId, invocation.TraceId);
        using var context = new LambdaContext(invocation, _settings, logger, _timeProvider);

        byte[] response;
        try
        {
            response = await function.InvokeAsync(invocation.EventJson, context).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            logger.Log(LambdaLogLevel.Error, "Invocation failed.", exception: ex);
            await PostSafelyAsync(() => _client.PostInvocationErrorAsync(invocation.RequestId, LambdaError.FromException(ex), cancellationToken), logger, cancellationToken).ConfigureAwait(false);
            return;
        }

        await PostSafelyAsync(() => _client.PostResponseAsync(invocation.RequestId, response, cancellationToken), logger, cancellationToken).ConfigureAwait(false);
    }

    private static async Task PostSafelyAsync(Func<Task> post, JsonLambdaLogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await post().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping; the loop ends right after this.
        }
        catch (Exception ex) when (ex is HttpRequestException or LambdaRuntimeApiException)
        {
            // Lambda records its own error when a response is refused (too large, already answered); the loop goes on.
            logger.Log(LambdaLogLevel.Error, "The Runtime API refused the invocation's result.", exception: ex);
        }
    }
}

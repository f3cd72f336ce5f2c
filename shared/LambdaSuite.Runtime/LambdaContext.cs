namespace LambdaSuite.Runtime;

/// <summary>
/// The context of one invocation. Time comes from an injected <see cref="TimeProvider"/> so deadline handling
/// is testable; dispose it when the invocation ends to stop its cancellation timer.
/// </summary>
public sealed class LambdaContext : ILambdaContext, IDisposable
{
    /// <summary>
    /// How long before the deadline <see cref="CancellationToken"/> fires: enough for a handler to stop, log
    /// and let the host post its error before Lambda kills the process.
    /// </summary>
    public static readonly TimeSpan DefaultSafetyMargin = TimeSpan.FromMilliseconds(500);

    // CancellationTokenSource accepts at most uint.MaxValue - 1 milliseconds.
    private static readonly TimeSpan s_maxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    private readonly LambdaInvocation _invocation;
    private readonly LambdaFunctionSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly CancellationTokenSource _deadlineSource;

    public LambdaContext(
        LambdaInvocation invocation,
        LambdaFunctionSettings settings,
        ILambdaLogger logger,
        TimeProvider timeProvider,
        TimeSpan? safetyMargin = null)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _invocation = invocation;
        _settings = settings;
        _timeProvider = timeProvider;
        Logger = logger;
        Deadline = invocation.DeadlineMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.MaxValue;

        if (invocation.DeadlineMs is null)
        {
            _deadlineSource = new CancellationTokenSource();
        }
        else
        {
            var delay = RemainingTime - (safetyMargin ?? DefaultSafetyMargin);
            _deadlineSource = new CancellationTokenSource(Clamp(delay), timeProvider);
        }
    }

    public string AwsRequestId => _invocation.RequestId;

    public string FunctionName => _settings.FunctionName;

    public string FunctionVersion => _settings.FunctionVersion;

    public string InvokedFunctionArn => _invocation.InvokedFunctionArn;

    public int MemoryLimitInMB => _settings.MemoryLimitInMB;

    public string LogGroupName => _settings.LogGroupName;

    public string LogStreamName => _settings.LogStreamName;

    public string? TraceId => _invocation.TraceId;

    public string? ClientContext => _invocation.ClientContext;

    public string? CognitoIdentity => _invocation.CognitoIdentity;

    public DateTimeOffset Deadline { get; }

    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - _timeProvider.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public CancellationToken CancellationToken => _deadlineSource.Token;

    public ILambdaLogger Logger { get; }

    public void Dispose() => _deadlineSource.Dispose();

    private static TimeSpan Clamp(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > s_maxTimerDelay ? s_maxTimerDelay : delay;
}

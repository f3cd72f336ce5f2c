using System.Net.Http;
using LambdaSuite.Aws.Http;

namespace LambdaSuite.Aws.Retry;

/// <summary>
/// Exponential backoff with full jitter (sleep = random(0, min(MaxDelay, base * 2^retry))) on throttling, 5xx and
/// transport failures, bounded by <see cref="MaxAttempts"/> and by <see cref="Deadline"/>: a retry whose sleep would
/// end after the deadline is not started, and the last error is thrown instead. Client errors are never retried.
/// Time comes from <see cref="TimeProvider"/> so tests advance a fake clock instead of sleeping.
/// </summary>
public sealed record AwsRetryPolicy
{
    public static AwsRetryPolicy Default { get; } = new();

    /// <summary>Attempts in total, the first included; 1 disables retries.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Backoff base for 5xx and transport failures.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Backoff base for throttling, larger so a throttled partition gets room to recover.</summary>
    public TimeSpan ThrottlingBaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>No retry sleeps past this instant (e.g. the Lambda invocation's deadline less a margin).</summary>
    public DateTimeOffset? Deadline { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Uniform random in [0, 1): the jitter source; tests pin it.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;

    public AwsRetryPolicy WithDeadline(DateTimeOffset deadline) => this with { Deadline = deadline };

    /// <summary>Deadline from an invocation's remaining time, measured on this policy's clock.</summary>
    public AwsRetryPolicy WithRemainingTime(TimeSpan remaining) => WithDeadline(TimeProvider.GetUtcNow() + remaining);

    /// <summary>The full-jitter sleep before retry number <paramref name="retry"/> (0 for the first retry).</summary>
    public TimeSpan BackoffFor(int retry, bool throttled)
    {
        var baseDelay = throttled ? ThrottlingBaseDelay : BaseDelay;
        var ceilingTicks = Math.Min(MaxDelay.Ticks, baseDelay.Ticks * Math.Pow(2, Math.Min(retry, 30)));
        return TimeSpan.FromTicks((long)(Random() * ceilingTicks));
    }

    /// <summary>Runs <paramref name="attempt"/> until it succeeds, fails for good, or attempts or time run out.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await AttemptBeforeDeadlineAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (attemptNumber < MaxAttempts && IsRetryable(error, cancellationToken, out var throttled))
            {
                var delay = BackoffFor(attemptNumber - 1, throttled);
                if (Deadline is { } deadline && TimeProvider.GetUtcNow() + delay >= deadline)
                {
                    throw;
                }

                await Task.Delay(delay, TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One attempt, cut off at <see cref="Deadline"/> when there is one: a request in flight when the invocation's
    /// time runs out must end there, not after HttpClient's own timeout, so the caller still has time to report what
    /// was delivered. The attempt runs in real time, so the cut-off is a real timer, set only when the policy runs on
    /// the real clock (a substituted clock's "time left" is not real time). A cut-off attempt ends in
    /// <see cref="TimeoutException"/>, which is not retried (the deadline has passed, so no retry sleep fits).
    /// </summary>
    private async Task<T> AttemptBeforeDeadlineAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        if (Deadline is not { } deadline || TimeProvider != TimeProvider.System)
        {
            return await attempt(cancellationToken).ConfigureAwait(false);
        }

        var left = deadline - TimeProvider.GetUtcNow();
        using var cutOff = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cutOff.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        try
        {
            return await attempt(cutOff.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException cancelled) when (cutOff.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"No answer before the deadline ({deadline:O}).", cancelled);
        }
    }

    /// <summary>
    /// Service errors say themselves whether they are retryable; transport failures (connection refused or reset,
    /// HttpClient's own timeout) are, unless the caller cancelled.
    /// </summary>
    public static bool IsRetryable(Exception error, CancellationToken cancellationToken, out bool throttled)
    {
        throttled = false;
        switch (error)
        {
            case AwsServiceException service:
                throttled = service.IsThrottling;
                return service.IsRetryable;
            case HttpRequestException:
            case IOException:
            case TimeoutException:
                return true;
            case OperationCanceledException:
                return !cancellationToken.IsCancellationRequested;
            default:
                return false;
        }
    }
}

namespace LambdaSuite.Aws.Retry;

/// <summary>
/// A token bucket on the caller's side: up to <c>burst</c> requests at once, then <c>perSecond</c> a second. Some
/// services throttle a whole account with a documented bucket (Route 53: 50 at once, 10 a second); a client that
/// lists hundreds of pages as fast as answers come back would be throttled on every other page once the burst is
/// spent, and retries with jittered backoff can still run out of attempts. Pacing to the bucket avoids most of
/// that; the retry policy handles what other callers in the account take. Thread-safe; one instance per bucket.
/// </summary>
public sealed class RequestPacer
{
    private readonly object _gate = new();
    private readonly double _burst;
    private readonly double _perSecond;
    private readonly TimeProvider _time;
    private double _tokens;
    private DateTimeOffset _refilledAt;

    public RequestPacer(int burst, double perSecond, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        _burst = burst;
        _perSecond = perSecond;
        _time = time ?? TimeProvider.System;
        _tokens = burst;
        _refilledAt = _time.GetUtcNow();
    }

    /// <summary>Takes one token, waiting on the pacer's clock until one is there.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                // Wall-clock time from the provider (not its timestamp), so a test clock moves the bucket too.
                var now = _time.GetUtcNow();
                _tokens = Math.Min(_burst, _tokens + (Math.Max(0, (now - _refilledAt).TotalSeconds) * _perSecond));
                _refilledAt = now;
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }

                wait = TimeSpan.FromSeconds((1 - _tokens) / _perSecond);
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}

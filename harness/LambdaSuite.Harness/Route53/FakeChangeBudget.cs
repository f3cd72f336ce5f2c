namespace LambdaSuite.Harness.Route53;

/// <summary>
/// One of Route 53's per-account token buckets as the fake keeps it: <see cref="Burst"/> tokens at once, refilled at
/// <see cref="PerSecond"/>. As <see cref="FakeRoute53.ChangeBudget"/> (change throughput) a batch costs its
/// ResourceRecord elements (an UPSERT's twice); as <see cref="FakeRoute53.RequestBudget"/> (request rate) every request
/// costs one. A request a bucket cannot pay in full is answered <c>Throttling</c> and costs nothing, as Route 53 does.
/// The clock is injectable so tests decide when the bucket refills. Not thread-safe: the fake calls it under its own lock.
/// </summary>
public sealed class FakeChangeBudget
{
    private readonly TimeProvider _time;
    private double _tokens;
    private DateTimeOffset _refilledAt;

    public FakeChangeBudget(int burst, double perSecond, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        Burst = burst;
        PerSecond = perSecond;
        _time = time ?? TimeProvider.System;
        _tokens = burst;
        _refilledAt = _time.GetUtcNow();
    }

    public int Burst { get; }

    public double PerSecond { get; }

    /// <summary>Tokens left now.</summary>
    public double Available
    {
        get
        {
            Refill();
            return _tokens;
        }
    }

    /// <summary>Takes <paramref name="changes"/> tokens when the bucket holds them; false (and nothing taken) otherwise.</summary>
    public bool TryTake(int changes)
    {
        Refill();
        if (_tokens + Tolerance < changes)
        {
            return false;
        }

        _tokens = Math.Max(0, _tokens - changes);
        return true;
    }

    /// <summary>How long until the bucket holds <paramref name="tokens"/> (at most a full bucket); zero when it does now.</summary>
    public TimeSpan TimeUntil(int tokens)
    {
        Refill();
        var needed = Math.Min(tokens, Burst);

        // Whole ticks, rounded up: a wait rounded down would leave the bucket a hair short once it has passed.
        return _tokens + Tolerance >= needed ? TimeSpan.Zero : TimeSpan.FromTicks((long)Math.Ceiling((needed - _tokens) / PerSecond * TimeSpan.TicksPerSecond));
    }

    /// <summary>Another caller in the account spends <paramref name="changes"/> (down to an empty bucket).</summary>
    public void Spend(int changes)
    {
        Refill();
        _tokens = Math.Max(0, _tokens - changes);
    }

    /// <summary>
    /// Tokens the refill's floating-point arithmetic may fall short by after exactly the wait <see cref="TimeUntil"/>
    /// gave: without it a bucket refilled at, say, 650 a second held 999.99999 tokens after 1000/650 s and the batch the
    /// wait was for was refused (a spurious Throttling) or, in the bench's model, went unpaid.
    /// </summary>
    private const double Tolerance = 1e-6;

    private void Refill()
    {
        var now = _time.GetUtcNow();
        _tokens = Math.Min(Burst, _tokens + (Math.Max(0, (now - _refilledAt).TotalSeconds) * PerSecond));
        _refilledAt = now;
    }
}

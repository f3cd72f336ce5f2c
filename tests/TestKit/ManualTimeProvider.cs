namespace LambdaSuite.TestKit;

/// <summary>
/// A clock tests move by hand. Timers (CancellationTokenSource delays) fire when <see cref="Advance"/> passes
/// their due time, so deadline logic runs without sleeping.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];
    private readonly Lock _gate = new();
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(ManualTimer timer, DateTimeOffset? dueAt)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            timer.DueAt = dueAt ?? DateTimeOffset.MaxValue;
            if (dueAt is not null)
            {
                _timers.Add(timer);
            }
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime);
            return true;
        }

        public void Fire()
        {
            owner.Schedule(this, null);
            callback(state);
        }

        public void Dispose() => owner.Schedule(this, null);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

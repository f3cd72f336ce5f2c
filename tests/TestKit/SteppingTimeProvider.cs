using System.Collections.Concurrent;

namespace LambdaSuite.TestKit;

/// <summary>
/// A clock that never waits: a timer with a finite due time moves the clock forward by that much and fires at once.
/// Code that sleeps through <c>Task.Delay(delay, timeProvider)</c> runs instantly, and <see cref="Sleeps"/> records
/// every sleep for assertions.
/// </summary>
public sealed class SteppingTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _sleeps = new();
    private readonly object _gate = new();
    private DateTimeOffset _now = start;

    public SteppingTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> Sleeps => _sleeps.ToArray();

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new SteppedTimer();
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _sleeps.Enqueue(dueTime);
            Advance(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return timer;
    }

    private sealed class SteppedTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

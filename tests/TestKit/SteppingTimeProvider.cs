using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace LambdaSuite.TestKit;

/// <summary>
/// <see cref="FakeTimeProvider"/> that never waits, for code that sleeps between retries: a timer with a finite due
/// time moves the clock forward by that much at once and its callback runs on the thread pool, so
/// <c>Task.Delay(delay, timeProvider)</c> returns at once; <see cref="Sleeps"/> records every sleep for assertions.
/// FakeTimeProvider alone waits for <see cref="FakeTimeProvider.Advance"/>, and its AutoAdvanceAmount moves time only
/// when it is read, which no sleeper does.
/// </summary>
public sealed class SteppingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly ConcurrentQueue<TimeSpan> _sleeps = new();

    public SteppingTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> Sleeps => _sleeps.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);

        // Fired off the caller's thread, as a real timer is: the caller may not have finished setting up its wait.
        var timer = base.CreateTimer(s => ThreadPool.QueueUserWorkItem(_ => callback(s)), state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _sleeps.Enqueue(dueTime);
            Advance(dueTime);
        }

        return timer;
    }
}

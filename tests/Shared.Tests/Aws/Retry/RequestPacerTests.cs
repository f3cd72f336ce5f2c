using LambdaSuite.Aws.Retry;
using LambdaSuite.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace Shared.Tests.Aws.Retry;

/// <summary>The caller-side token bucket on a hand-moved clock: nothing here sleeps.</summary>
public class RequestPacerTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WaitAsync_BurstSpent_NextWaitsForOneRefill()
    {
        var clock = new FakeTimeProvider(s_start);
        var pacer = new RequestPacer(burst: 3, perSecond: 10, clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(pacer.WaitAsync(CancellationToken.None).IsCompletedSuccessfully, $"request {i + 1} of the burst");
        }

        var fourth = pacer.WaitAsync(CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(99));
        var earlyWhileEmpty = fourth.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(earlyWhileEmpty);
        Assert.True(fourth.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitAsync_LongIdle_RefillsOnlyUpToTheBurst()
    {
        var clock = new FakeTimeProvider(s_start);
        var pacer = new RequestPacer(burst: 2, perSecond: 10, clock);
        await pacer.WaitAsync(CancellationToken.None);
        await pacer.WaitAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(10));
        var granted = 0;
        while (pacer.WaitAsync(CancellationToken.None) is { IsCompletedSuccessfully: true })
        {
            granted++;
        }

        Assert.Equal(2, granted);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_ThrowsAndTakesNoToken()
    {
        var clock = new FakeTimeProvider(s_start);
        var pacer = new RequestPacer(burst: 1, perSecond: 1, clock);
        await pacer.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = pacer.WaitAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(pacer.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public void Constructor_NoBurstOrNoRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestPacer(burst: 0, perSecond: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequestPacer(burst: 5, perSecond: 0));
    }
}

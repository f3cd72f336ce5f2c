using DnsMirror.Route53;
using Microsoft.Extensions.Time.Testing;

namespace DnsMirror.Tests.Route53;

public sealed class ChangeBudgetTests
{
    [Fact]
    public async Task WaitAsync_WithinTheBurst_GoesAtOnce()
    {
        var budget = new ChangeBudget(changeBurst: 1000, changesPerSecond: 500, time: new FakeTimeProvider());

        var wait = budget.WaitAsync(1000, default);

        Assert.True(wait.IsCompletedSuccessfully);
        await wait;
    }

    [Fact]
    public async Task WaitAsync_BucketSpent_WaitsForTheRefillOnItsClock()
    {
        var clock = new FakeTimeProvider();
        var budget = new ChangeBudget(changeBurst: 1000, changesPerSecond: 500, time: clock);
        await budget.WaitAsync(1000, default);

        var wait = budget.WaitAsync(500, default).AsTask();
        clock.Advance(TimeSpan.FromSeconds(0.9));
        var earlyDone = wait.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(earlyDone);
        Assert.True(wait.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WaitAsync_BatchLargerThanTheBurst_GoesOnAFullBucketAndTheNextPaysTheDebt()
    {
        var clock = new FakeTimeProvider();
        var budget = new ChangeBudget(changeBurst: 100, changesPerSecond: 100, time: clock);

        var large = budget.WaitAsync(250, default);
        var next = budget.WaitAsync(100, default).AsTask();
        clock.Advance(TimeSpan.FromSeconds(2.4));
        var earlyDone = next.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(large.IsCompletedSuccessfully);
        Assert.False(earlyDone);
    }

    [Fact]
    public async Task WaitAsync_RequestBucket_PacesRequestsEvenWhenChangesAreFree()
    {
        var clock = new FakeTimeProvider();
        var budget = new ChangeBudget(changeBurst: 1000, changesPerSecond: 1000, requestBurst: 2, requestsPerSecond: 1, time: clock);

        await budget.WaitAsync(1, default);
        await budget.WaitAsync(1, default);
        var third = budget.WaitAsync(1, default).AsTask();
        var earlyDone = third.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(earlyDone);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_StopsWaitingAndTakesNothing()
    {
        var clock = new FakeTimeProvider();
        var budget = new ChangeBudget(changeBurst: 10, changesPerSecond: 1, time: clock);
        await budget.WaitAsync(10, default);
        using var cancel = new CancellationTokenSource();

        var wait = budget.WaitAsync(5, cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(budget.WaitAsync(5, default).IsCompletedSuccessfully);
    }
    [Fact]
    public async Task Settle_AfterAnAnswer_RefillCountsFromTheAnswerNotTheSend()
    {
        var clock = new FakeTimeProvider();
        var budget = new ChangeBudget(changeBurst: 100, changesPerSecond: 100, time: clock);
        await budget.WaitAsync(100, default);
        clock.Advance(TimeSpan.FromSeconds(0.3));

        budget.Settle();
        var next = budget.WaitAsync(100, default).AsTask();
        clock.Advance(TimeSpan.FromSeconds(0.9));
        var earlyDone = next.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(0.1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(earlyDone);
    }
}

using LambdaSuite.Harness.Route53;
using Microsoft.Extensions.Time.Testing;

namespace Harness.Tests.Route53;

public sealed class FakeChangeBudgetTests
{
    [Fact]
    public void TryChange_BatchOverTheChangeBucket_ThrottledUntilItRefills()
    {
        var clock = new FakeTimeProvider();
        var route53 = new FakeRoute53("Z0BUDGET") { ChangeBudget = new FakeChangeBudget(burst: 4, perSecond: 2, clock) };
        FakeRecordSetChange Upsert(string name) => new(FakeRecordSetChange.Upsert, new($"{name}.example.test.", "A", 60, ["192.0.2.1"]));

        var first = route53.TryChange([Upsert("a"), Upsert("b")], out _, out _, out _);
        var second = route53.TryChange([Upsert("c")], out _, out var code, out var message);
        clock.Advance(TimeSpan.FromSeconds(0.9));
        var early = route53.TryChange([Upsert("c")], out _, out _, out _);
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var refilled = route53.TryChange([Upsert("c")], out _, out _, out _);

        Assert.Equal((true, false, false, true), (first, second, early, refilled));
        Assert.Equal(("Throttling", "Rate exceeded"), (code, message));
        Assert.Equal(2, route53.ThrottledChanges);
        Assert.Equal([4, 2], route53.AcceptedBatchSizes);
        Assert.NotNull(route53.Find("c.example.test.", "A"));
    }

    [Fact]
    public void Spend_AnotherCaller_LeavesLessForTheNextBatch()
    {
        var clock = new FakeTimeProvider();
        var budget = new FakeChangeBudget(burst: 10, perSecond: 5, clock);

        budget.Spend(8);
        var tooMuch = budget.TryTake(3);
        clock.Advance(TimeSpan.FromSeconds(0.2));
        var enough = budget.TryTake(3);

        Assert.Equal((false, true), (tooMuch, enough));
        Assert.Equal(0, budget.Available);
    }

    [Fact]
    public void TimeUntil_ShortBucket_TimeToRefillCappedAtAFullBucket()
    {
        var clock = new FakeTimeProvider();
        var budget = new FakeChangeBudget(burst: 10, perSecond: 5, clock);
        budget.Spend(10);

        var forFive = budget.TimeUntil(5);
        var forMoreThanTheBurst = budget.TimeUntil(50);
        clock.Advance(forFive);
        var paid = budget.TryTake(5);

        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), true), (forFive, forMoreThanTheBurst, paid));
    }

    [Theory]
    [InlineData(650)]
    [InlineData(3)]
    [InlineData(333.3)]
    public void TimeUntil_WaitedOutExactly_TheBucketPays(double perSecond)
    {
        // A refill rate the wait cannot hold in whole ticks: after the wait it gave, the batch must be paid, not refused.
        var clock = new FakeTimeProvider();
        var budget = new FakeChangeBudget(burst: 1000, perSecond, clock);
        Assert.True(budget.TryTake(1000));

        clock.Advance(budget.TimeUntil(1000));

        Assert.Equal(TimeSpan.Zero, budget.TimeUntil(1000));
        Assert.True(budget.TryTake(1000));
        Assert.True(budget.Available < 1, $"{budget.Available} tokens left");
    }
}

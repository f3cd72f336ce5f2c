using LambdaSuite.Bench;

namespace Bench.Tests;

public sealed class DnsBenchPacingTests
{
    [Fact]
    public void Wait_FullListingOf253Pages_BurstThenTenASecond()
    {
        var wait = DnsBenchPacing.Wait(listPages: 253, batchCosts: [], getChanges: 0);

        Assert.Equal(20.3, wait.TotalSeconds, precision: 3);
    }

    [Fact]
    public void Wait_BatchesBeyondTheChangeBurst_WaitForTheirRecords()
    {
        var wait = DnsBenchPacing.Wait(listPages: 0, batchCosts: [1000, 1000, 330], getChanges: 1);

        Assert.Equal(2.66, wait.TotalSeconds, precision: 3);
    }

    [Fact]
    public void Wait_AFewRequestsWithinBothBursts_Nothing()
    {
        var wait = DnsBenchPacing.Wait(listPages: 47, batchCosts: [600, 400], getChanges: 1);

        Assert.Equal(TimeSpan.Zero, wait);
    }
}

using LambdaSuite.Bench;

namespace Bench.Tests;

public sealed class DnsBenchPacingTests
{
    [Fact]
    public void Wait_FullListingOf253Pages_BurstThenTenASecond()
    {
        var wait = DnsBenchPacing.Assumed.Wait(listPages: 253, batchCosts: [], getChanges: 0);

        Assert.Equal(20.3, wait.TotalSeconds, precision: 3);
    }

    [Fact]
    public void Wait_BatchesBeyondTheChangeBurst_WaitForTheirRecords()
    {
        var wait = DnsBenchPacing.Assumed.Wait(listPages: 0, batchCosts: [1000, 1000, 330], getChanges: 1);

        Assert.Equal(2.66, wait.TotalSeconds, precision: 3);
    }

    [Fact]
    public void Wait_AFewRequestsWithinBothBursts_Nothing()
    {
        var wait = DnsBenchPacing.Assumed.Wait(listPages: 47, batchCosts: [600, 400], getChanges: 1);

        Assert.Equal(TimeSpan.Zero, wait);
    }

    [Fact]
    public void Wait_AFasterChangeBucketGiven_TheBenchsIncrementalBatchesUnderTwoSeconds()
    {
        // The incremental case's three batches (2,161 records) on a bucket refilled at 650 a second instead of 500:
        // the second batch waits 1000/650 s, the third 161/650 s.
        var assumed = DnsBenchPacing.Assumed.Wait(listPages: 0, batchCosts: [1000, 1000, 161], getChanges: 1);
        var faster = new DnsBenchPacing(1000, 650).Wait(listPages: 0, batchCosts: [1000, 1000, 161], getChanges: 1);

        Assert.Equal(2.322, assumed.TotalSeconds, precision: 3);
        Assert.Equal(1161 / 650.0, faster.TotalSeconds, precision: 3);
    }

    [Fact]
    public void Described_NamesWhetherTheChangeBucketIsAssumedOrGiven()
    {
        Assert.Contains("1000 at once + 500/s (assumed", DnsBenchPacing.Assumed.Described, StringComparison.Ordinal);
        Assert.Contains("3000 at once + 1500.5/s (as given)", new DnsBenchPacing(3000, 1500.5).Described, StringComparison.Ordinal);
    }
}

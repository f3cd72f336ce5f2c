using LambdaSuite.Bench;

namespace Bench.Tests;

public sealed class BenchStatisticsTests
{
    [Theory]
    [InlineData(new double[] { 5 }, 5)]
    [InlineData(new double[] { 9, 1, 5 }, 5)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 2.5)]
    public void Median_Values_IsMiddleOfSorted(double[] values, double expected)
    {
        Assert.Equal(expected, BenchStatistics.Median(values));
    }

    [Fact]
    public void Median_NoValues_IsNull()
    {
        Assert.Null(BenchStatistics.Median([]));
    }

    [Fact]
    public void Summary_MixedSamples_CountsAnsweredAndGroupsFailures()
    {
        ColdStartSample[] samples =
        [
            new(TimeSpan.FromMilliseconds(10), 20 * 1024, null),
            new(TimeSpan.FromMilliseconds(30), 22 * 1024, null),
            new(TimeSpan.FromMilliseconds(20), 21 * 1024, null),
            new(null, null, "exited with code 0 before answering"),
            new(null, null, "exited with code 0 before answering"),
        ];

        var summary = ColdStartSummary.From("X", "AOT", samples);

        Assert.Equal(5, summary.Runs);
        Assert.Equal(3, summary.Answered);
        Assert.Equal(20, summary.MedianMs);
        Assert.Equal(10, summary.MinMs);
        Assert.Equal(30, summary.MaxMs);
        Assert.Equal(21, summary.MedianPeakRssMib);
        Assert.Equal(22, summary.MaxPeakRssMib);
        Assert.Equal("2x exited with code 0 before answering", summary.Note);
    }
}

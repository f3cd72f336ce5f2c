using LambdaSuite.Bench;
using LambdaSuite.TestKit.Runtime;

namespace Bench.Tests;

[Collection(ProbeProcessCollection.Name)]
[Trait("Category", "Process")]
public sealed class ColdStartBenchTests(ProbeBootstrapFixture probe)
{
    [Fact]
    public async Task MeasureAsync_AotProbe_AnswersEveryRunWithTimeAndPeakRss()
    {
        var bench = new ColdStartBench();

        var summary = await bench.MeasureAsync(BenchTarget.Probe, "AOT", probe.Bootstrap, runs: 3, TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(3, summary.Answered);
        Assert.Null(summary.Note);
        Assert.InRange(summary.MedianMs!.Value, 0.1, 30_000);
        Assert.True(summary.MinMs <= summary.MedianMs && summary.MedianMs <= summary.MaxMs);
        Assert.InRange(summary.MedianInitMs!.Value, 0.1, summary.MaxMs!.Value);
        Assert.InRange(summary.MedianPeakRssMib!.Value, 1, 500);
    }

    [Fact]
    public async Task MeasureOnceAsync_ProgramExitingWithoutHost_ReportsExit()
    {
        var bench = new ColdStartBench();

        var sample = await bench.MeasureOnceAsync("/bin/true", "true", TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Null(sample.ToFirstResponse);
        Assert.Equal("exited with code 0 before answering", sample.Failure);
    }
}

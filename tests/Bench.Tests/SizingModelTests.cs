using LambdaSuite.Bench;

namespace Bench.Tests;

public sealed class SizingModelTests
{
    [Fact]
    public void PredictedDuration_CpuBoundAtQuarterVcpu_TakesFourTimesTheCpuPlusTheWaiting()
    {
        var predicted = SizingModel.PredictedDuration(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(150), memoryMb: 1769 / 4);

        Assert.InRange(predicted.TotalMilliseconds, 449, 451);
    }

    [Fact]
    public void PredictedDuration_AboveOneVcpu_IsTheMeasuredWall()
    {
        var predicted = SizingModel.PredictedDuration(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(150), memoryMb: 3008);

        Assert.Equal(150, predicted.TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void PredictedDuration_BelowLambdaMinimum_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SizingModel.PredictedDuration(TimeSpan.Zero, TimeSpan.Zero, 64));
    }

    [Theory]
    [InlineData(10.0, 128)]
    [InlineData(100.0, 192)]
    [InlineData(171.0, 320)]
    public void MemoryFor_PeakRss_GivesHalfAgainRoundedTo64(double peakRssMib, int expectedMb)
    {
        Assert.Equal(expectedMb, SizingModel.MemoryFor(peakRssMib));
    }

    [Theory]
    [InlineData(0.2, 10)]
    [InlineData(4.1, 15)]
    [InlineData(20.0, 60)]
    public void TimeoutSecondsFor_SlowestInvocation_GivesThreeTimesRoundedTo5(double slowestSeconds, int expectedSeconds)
    {
        Assert.Equal(expectedSeconds, SizingModel.TimeoutSecondsFor(TimeSpan.FromSeconds(slowestSeconds)));
    }

    [Fact]
    public void Verdict_TemplateBelowNeed_NamesBothShortfalls()
    {
        var verdict = SizingModel.Verdict(templateMemoryMb: 128, templateTimeoutSeconds: 10, peakRssMib: 100, TimeSpan.FromSeconds(5));

        Assert.Equal("memory 128 < 192, timeout 10 s < 15 s", verdict);
    }

    [Fact]
    public void Verdict_TemplateCoversNeed_IsOk()
    {
        Assert.Equal("ok", SizingModel.Verdict(256, 30, 100, TimeSpan.FromSeconds(5)));
    }
}

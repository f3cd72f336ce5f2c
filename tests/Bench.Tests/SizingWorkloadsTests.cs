using LambdaSuite.Bench;

namespace Bench.Tests;

public sealed class SizingWorkloadsTests
{
    [Fact]
    public void LargestUnder_LinearBuilder_FitsWithinHalfAPercentOfTheLimit()
    {
        static byte[] Build(int count) => new byte[100 + (count * 1_777)];

        var payload = SizingWorkloads.LargestUnder(SizingWorkloads.MaxPayloadBytes, Build);

        Assert.InRange(payload.Length, SizingWorkloads.MaxPayloadBytes * 0.995, SizingWorkloads.MaxPayloadBytes);
    }

    [Fact]
    public void LargestUnder_RealPlainKinesisEvents_StayUnderLambdasSixMegabytes()
    {
        var payload = SizingWorkloads.LargestUnder(SizingWorkloads.MaxPayloadBytes, count => FanoutBenchInputs.PlainKinesisEvent(FanoutBenchInputs.Records(42, count, 1024)));

        Assert.InRange(payload.Length, 6_000_000, 6 * 1024 * 1024);
    }

    [Fact]
    public void LargestUnder_OneRecordTooLarge_FailsWithASentence()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SizingWorkloads.LargestUnder(1_000, count => new byte[2_000 * count]));

        Assert.Contains("Even one record", error.Message, StringComparison.Ordinal);
    }
}

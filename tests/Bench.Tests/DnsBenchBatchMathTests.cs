using DnsMirror.Route53;
using LambdaSuite.Bench;

namespace Bench.Tests;

public sealed class DnsBenchBatchMathTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 10, 1)]
    [InlineData(1000, 31_999, 1)]
    [InlineData(1001, 100, 2)]
    [InlineData(1000, 32_001, 2)]
    [InlineData(2500, 40_000, 3)]
    [InlineData(10, 320_000, 10)]
    public void Minimum_Totals_LargerOfTheTwoBounds(long records, long characters, long expected)
    {
        Assert.Equal(expected, DnsBenchBatchMath.Minimum(records, characters));
    }

    [Fact]
    public void Totals_Upsert_CountsTwice()
    {
        RecordSetChange[] changes =
        [
            new(ChangeAction.Create, new HostedZoneRecordSet("a.test.", "A", 300, ["192.0.2.1", "192.0.2.2"])),
            new(ChangeAction.Upsert, new HostedZoneRecordSet("b.test.", "TXT", 300, ["\"abc\""])),
            new(ChangeAction.Delete, new HostedZoneRecordSet("c.test.", "A", 300, ["192.0.2.3"])),
        ];

        var (records, characters) = DnsBenchBatchMath.Totals(changes);

        Assert.Equal(2 + 2 + 1, records);
        Assert.Equal(9 + 9 + (5 * 2) + 9, characters);
    }

    [Fact]
    public void Minimum_NegativeTotal_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DnsBenchBatchMath.Minimum(-1, 0));
    }
}

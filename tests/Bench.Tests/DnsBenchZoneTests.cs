using LambdaSuite.Bench;

namespace Bench.Tests;

public sealed class DnsBenchZoneTests
{
    [Fact]
    public void Generate_SameSeed_SameZoneFile()
    {
        var first = DnsBenchZone.Generate(seed: 7, size: 2000);

        var second = DnsBenchZone.Generate(seed: 7, size: 2000);

        Assert.Equal(first.ToZoneFile(), second.ToZoneFile());
    }

    [Fact]
    public void Generate_OtherSeed_OtherRecords()
    {
        var first = DnsBenchZone.Generate(seed: 7, size: 2000);

        var other = DnsBenchZone.Generate(seed: 8, size: 2000);

        Assert.NotEqual(first.ToZoneFile(), other.ToZoneFile());
    }

    [Theory]
    [InlineData(10)]
    [InlineData(1001)]
    [InlineData(20000)]
    public void Generate_Size_ExactlyThatManyRecordsSoaFirst(int size)
    {
        var zone = DnsBenchZone.Generate(seed: 1, size: size);

        Assert.Equal(size, zone.Records.Count);
        Assert.Equal("SOA", zone.Records[0].Type);
        Assert.Single(zone.Records, r => r.Type == "SOA");
    }

    [Fact]
    public void Generate_LargeZone_HasTheRealisticMix()
    {
        var zone = DnsBenchZone.Generate(seed: 42, size: 20000);

        var types = zone.Records.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Count());
        foreach (var type in new[] { "A", "AAAA", "CNAME", "MX", "TXT", "SRV", "NS" })
        {
            Assert.True(types.GetValueOrDefault(type) > 100, $"{type}: {types.GetValueOrDefault(type)}");
        }

        Assert.Contains(zone.Records, r => r.Name.StartsWith("*.", StringComparison.Ordinal));
        Assert.Contains(zone.Records, r => r.Type == "NS" && r.Name != zone.Origin);
        Assert.Contains(zone.Records, r => r.Name.Any(char.IsAsciiLetterUpper));
        Assert.Contains(zone.Records, r => r.Type == "TXT" && r.Value.Contains("\\\"", StringComparison.Ordinal) && r.Value.Contains(';', StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_LongTxt_OverTwoHundredFiftyFiveOctetsInStringsOfAtMost255()
    {
        var zone = DnsBenchZone.Generate(seed: 42, size: 5000);

        var longTxt = zone.Records.Where(r => r.Type == "TXT" && r.Value.Length > 300).ToList();

        Assert.NotEmpty(longTxt);
        Assert.All(longTxt, r => Assert.All(r.Value.Split("\" \""), part => Assert.True(part.Trim('"').Length <= 255)));
    }

    [Fact]
    public void Generate_TooSmall_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DnsBenchZone.Generate(seed: 1, size: 9));
    }
}

using System.Text;
using Fanout.Kpl;
using LambdaSuite.Harness.Kpl;

namespace Fanout.Tests.Kpl;

public class KplScratchTests
{
    [Fact]
    public void KeyOf_SameAsciiBytesTwice_ReturnsTheSameString()
    {
        var scratch = new KplScratch();

        var first = scratch.KeyOf("device-42"u8);
        var second = scratch.KeyOf("device-42"u8);

        Assert.Equal("device-42", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void KeyOf_NonAsciiBytes_ReadsTheTextEachTime()
    {
        var scratch = new KplScratch();
        var bytes = Encoding.UTF8.GetBytes("clé-ü");

        var text = scratch.KeyOf(bytes);

        Assert.Equal("clé-ü", text);
        Assert.NotSame(text, scratch.KeyOf(bytes));
    }

    [Fact]
    public void Deaggregate_TwoAggregatesOneScratch_KeysResolvedPerAggregate()
    {
        // Reused lists must not carry one aggregate's key table into the next: index 0 means "b" in the second.
        var scratch = new KplScratch();
        var output = new List<KplUserRecord>();

        KplAggregate.Deaggregate(KplAggregator.Aggregate([new("a", null, "1"u8.ToArray()), new("b", null, "2"u8.ToArray())]), "outer", null, output, scratch);
        KplAggregate.Deaggregate(KplAggregator.Aggregate([new("b", null, "3"u8.ToArray())]), "outer", null, output, scratch);

        Assert.Equal(["a", "b", "b"], output.Select(r => r.PartitionKey));
        Assert.Equal(["1", "2", "3"], output.Select(r => Encoding.UTF8.GetString(r.Data.Span)));
    }
}

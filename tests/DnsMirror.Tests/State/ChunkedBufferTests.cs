using DnsMirror.State;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;

namespace DnsMirror.Tests.State;

/// <summary>The stored form written straight into item-sized arrays.</summary>
public sealed class ChunkedBufferTests
{
    [Fact]
    public void Encode_ZoneLargerThanOneItem_FillsEveryChunkButTheLastToTheItemLength()
    {
        var random = new Random(5);
        var records = new List<DnsResourceRecord> { Rr.Soa("cb.test.", 1) };
        for (var i = 0; i < 40_000; i++)
        {
            // Random names and values barely compress, so the stored form needs several items.
            records.Add(Rr.Txt($"h{random.NextInt64():x}.cb.test.", $"{random.NextInt64():x}{random.NextInt64():x}"));
        }

        var blob = MirroredZoneCodec.Encode("cb.test.", 1, null, records, records.Count);
        var chunks = blob.Chunks;

        Assert.True(chunks.Count > 1, $"{chunks.Count} chunk(s)");
        Assert.All(chunks.SkipLast(1), chunk => Assert.Equal(LambdaSuite.Data.DnsMirror.DnsMirrorZoneStore.MaxChunkBytes, chunk.Length));
        Assert.Equal(blob.Length, chunks.Sum(c => c.Length));
        Assert.Equal(records.Count, MirroredZoneCodec.Decode(blob).RecordCount);
    }

    [Fact]
    public void GetSpan_FirstChunkSmall_GrowsItBeforeStartingAnother()
    {
        var buffer = new ChunkedBuffer(chunkLength: 64, firstCapacity: 16);

        for (var i = 0; i < 100; i++)
        {
            buffer.GetSpan(1)[0] = (byte)i;
            buffer.Advance(1);
        }

        Assert.Equal([64, 36], buffer.Chunks.Select(c => c.Length));
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (byte)i), buffer.ToArray());
    }
}

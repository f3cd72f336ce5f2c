using DnsMirror.State;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;

namespace DnsMirror.Tests.State;

/// <summary>The stored form decompressed as chunk items arrive: any split of the bytes decodes the same, misfits fail.</summary>
public sealed class StoredStateDecoderTests
{
    private const string Zone = "sd.test.";

    private static List<DnsResourceRecord> Records(int count)
    {
        var random = new Random(11);
        var records = new List<DnsResourceRecord> { Rr.Soa(Zone, 3) };
        for (var i = 0; i < count; i++)
        {
            records.Add(Rr.Txt($"h{random.NextInt64():x}.{Zone}", $"value {random.NextInt64():x} {i}"));
        }

        return records;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1_000_000)]
    public void Append_BlobInPiecesOfAnyLength_DecodesEveryRecord(int pieceLength)
    {
        var records = Records(3000);
        var blob = MirroredZoneCodec.Encode(Zone, 3, null, records, records.Count).ToArray();
        using var decoder = new StoredStateDecoder();

        for (var offset = 0; offset < blob.Length; offset += pieceLength)
        {
            decoder.Append(blob.AsSpan(offset, Math.Min(pieceLength, blob.Length - offset)));
        }

        var zone = MirroredZoneCodec.DecodeBody(decoder.Finish());
        Assert.Equal(records.Select(r => r.ToString()), zone.Records().Select(r => r.ToString()));
    }

    [Fact]
    public void Append_BytesAfterTheCompressedStream_FailsWithFormatException()
    {
        var records = Records(10);
        var blob = MirroredZoneCodec.Encode(Zone, 3, null, records, records.Count).ToArray();
        using var decoder = new StoredStateDecoder();
        decoder.Append(blob);

        var error = Assert.Throws<FormatException>(() => decoder.Append([0]));

        Assert.Contains("after its compressed stream", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Finish_LengthAnnouncedLargerThanTheStream_FailsWithFormatException()
    {
        var records = Records(10);
        var blob = MirroredZoneCodec.Encode(Zone, 3, null, records, records.Count).ToArray();
        blob[7]++;
        using var decoder = new StoredStateDecoder();
        decoder.Append(blob);

        Assert.Throws<FormatException>(decoder.Finish);
    }

    [Fact]
    public void Append_LengthAnnouncedSmallerThanTheStream_FailsWithFormatException()
    {
        var records = Records(10);
        var blob = MirroredZoneCodec.Encode(Zone, 3, null, records, records.Count).ToArray();
        blob[7]--;
        using var decoder = new StoredStateDecoder();

        var error = Assert.Throws<FormatException>(() => decoder.Append(blob));

        Assert.Contains("past its announced", error.Message, StringComparison.Ordinal);
    }
}

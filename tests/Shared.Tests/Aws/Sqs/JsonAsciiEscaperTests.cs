using System.Buffers;
using System.Text;
using System.Text.Json;
using LambdaSuite.Aws.Sqs;

namespace Shared.Tests.Aws.Sqs;

/// <summary>The run-at-a-time escaper must write what <see cref="Utf8JsonWriter"/> writes, byte for byte.</summary>
public sealed class JsonAsciiEscaperTests
{
    public static TheoryData<int> AsciiBytes()
    {
        var data = new TheoryData<int>();
        for (var b = 0; b < 0x80; b++)
        {
            data.Add(b);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AsciiBytes))]
    public void TryQuote_EachAsciiByteBetweenText_EqualsTheWriter(int b)
    {
        byte[] value = [(byte)'a', (byte)b, (byte)b, (byte)'z'];

        var quoted = Quote(value, out var ok);

        Assert.True(ok);
        Assert.Equal(Writer(value), quoted);
    }

    [Fact]
    public void TryQuote_JsonRecordOfOneKilobyte_EqualsTheWriter()
    {
        var record = new StringBuilder("{");
        for (var i = 0; record.Length < 1024; i++)
        {
            record.Append(System.Globalization.CultureInfo.InvariantCulture, $"\"field{i}\":\"a+b <c> & 'd' `e` \\\\ /f\",\"n{i}\":{i * 7},");
        }

        var value = Encoding.ASCII.GetBytes(record.Append("\"end\":\"\t\r\n\u007f\"}").ToString());

        var quoted = Quote(value, out var ok);

        Assert.True(ok);
        Assert.Equal(Writer(value), quoted);
    }

    [Fact]
    public void TryQuote_EmptyValue_IsTwoQuotes()
    {
        var quoted = Quote([], out var ok);

        Assert.True(ok);
        Assert.Equal("\"\""u8.ToArray(), quoted);
    }

    [Theory]
    [InlineData("é")]
    [InlineData("ascii first, then ü")]
    [InlineData("quote \" then 😀")]
    public void TryQuote_NonAscii_StepsAsideForTheWriter(string text)
    {
        _ = Quote(Encoding.UTF8.GetBytes(text), out var ok);

        Assert.False(ok);
    }

    private static byte[] Quote(byte[] value, out bool ok)
    {
        var destination = new byte[JsonAsciiEscaper.MaxQuotedLength(value.Length)];
        ok = JsonAsciiEscaper.TryQuote(value, destination, out var written);
        return destination.AsSpan(0, ok ? written : 0).ToArray();
    }

    private static byte[] Writer(byte[] value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStringValue(value);
        }

        return buffer.WrittenSpan.ToArray();
    }
}

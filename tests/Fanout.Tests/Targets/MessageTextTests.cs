using System.Text;
using Fanout.Targets;

namespace Fanout.Tests.Targets;

public class MessageTextTests
{
    [Theory]
    [InlineData("plain text")]
    [InlineData("tab\tline\ncr\r")]
    [InlineData("del \u007f and C1 \u0085 are XML characters")]
    [InlineData("last BMP character allowed: \ufffd")]
    [InlineData("astral: \U0001F600")]
    [InlineData("private use \ue000 and \uefff (EF BF BF would be U+FFFF)")]
    public void Of_XmlCharactersOnly_SentAsText(string body)
    {
        var (text, isBase64) = Of(Encoding.UTF8.GetBytes(body));

        Assert.False(isBase64);
        Assert.Equal(body, text);
    }

    [Theory]
    [InlineData("noncharacter \ufffe inside")]
    [InlineData("noncharacter \uffff inside")]
    [InlineData("\uffff")]
    [InlineData("control \u0001")]
    public void Of_CharacterSqsRejects_SentAsBase64(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        var (text, isBase64) = Of(bytes);

        Assert.True(isBase64);
        Assert.Equal(bytes, Convert.FromBase64String(text));
    }

    [Fact]
    public void Of_InvalidUtf8_SentAsBase64()
    {
        var (text, isBase64) = Of([0x61, 0xC3, 0x28]);

        Assert.True(isBase64);
        Assert.Equal("YcMo", text);
    }

    /// <summary>What a sender sends: the decision the entry is built with, then the text it makes.</summary>
    private static (string Text, bool IsBase64) Of(ReadOnlySpan<byte> body)
    {
        var base64 = MessageText.NeedsBase64(body);
        return (MessageText.Text(body, base64), base64);
    }
}

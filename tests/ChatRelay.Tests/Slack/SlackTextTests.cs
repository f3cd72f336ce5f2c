using ChatRelay.Slack;

namespace ChatRelay.Tests.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("<!channel> <@U123>", "&lt;!channel&gt; &lt;@U123&gt;")]
    [InlineData("no specials", "no specials")]
    public void Escape_SlackControlCharacters_AsEntities(string text, string expected)
    {
        var escaped = SlackText.Escape(text);

        Assert.Equal(expected, escaped);
    }

    [Theory]
    [InlineData("https://example.com/x?a=1&b=2", "https://example.com/x?a=1&amp;b=2")]
    [InlineData("mailto:ops@example.com", "mailto:ops@example.com")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("/relative/path", null)]
    [InlineData("", null)]
    public void SafeUrl_OnlyWebAndMailLinks_Escaped(string url, string? expected)
    {
        var safe = SlackText.SafeUrl(url);

        Assert.Equal(expected, safe);
    }
}

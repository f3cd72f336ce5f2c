using ChatRelay.Slack;

namespace ChatRelay.Tests.Slack;

public sealed class HtmlToMrkdwnTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "plain text", "plain text" },
        { "<b>bold</b> and <strong>strong</strong>", "*bold* and *strong*" },
        { "<i>it</i> <em>em</em>", "_it_ _em_" },
        { "<code>x = 1</code>", "`x = 1`" },
        { "<pre>line 1\nline 2</pre>", "```line 1\nline 2```" },
        { "<pre><code>a &lt; b</code></pre>", "```a &lt; b```" },
        { "see <a href=\"https://example.com/a?b=1&amp;c=2\">the docs</a>", "see <https://example.com/a?b=1&amp;c=2|the docs>" },
        { "<a href=\"javascript:alert(1)\">click</a>", "click" },
        { "<a href=\"https://example.com/\"></a>", "<https://example.com/>" },
        { "one<br>two<br/>three", "one\ntwo\nthree" },
        { "<ul><li>a</li><li>b</li></ul>", "• a\n• b" },
        { "<ol><li>first<li>second</ol>", "1. first\n2. second" },
        { "<ul><li>a<ul><li>a1</li></ul></li><li>b</li></ul>", "• a\n    • a1\n• b" },
        { "Tom &amp; Jerry &lt;3 &gt; &quot;x&quot; &#39;y&#39; &#x41;", "Tom &amp; Jerry &lt;3 &gt; \"x\" 'y' A" },
        { "&lt;!channel&gt; hi", "&lt;!channel&gt; hi" },
        { "<blink>kept</blink> <font color=red>text</font>", "kept text" },
        { "<script>alert(1)</script>after", "after" },
        { "a < b and c > d", "a &lt; b and c &gt; d" },
        { "<b> spaced </b>end", " *spaced* end" },
        { "<b></b>empty", "empty" },
        { "<b>never closed", "*never closed*" },
        { "stray</b> close", "stray close" },
        { "<p>one</p><p>two</p>", "one\ntwo" },
        { "<img src=\"https://example.com/i.png\" alt=\"chart\">", "<https://example.com/i.png|chart>" },
        { "<!-- note -->visible", "visible" },
        { "<a href=\"https://x.example/a|b\">t|u</a>", "<https://x.example/a%7Cb|t¦u>" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Convert_HipChatHtml_SlackMrkdwn(string html, string expected)
    {
        var mrkdwn = HtmlToMrkdwn.Convert(html);

        Assert.Equal(expected.Trim(), mrkdwn);
    }

    [Fact]
    public void Convert_EveryPrefixOfARichMessage_NeverThrowsAndNeverLeaksARawAngleBracket()
    {
        const string html = "<p>Build <b>42</b> <a href=\"https://ci.example/42\">log</a> &amp; <ul><li><i>x</i></li></ul><pre>a<b</pre></p>";

        for (var length = 0; length <= html.Length; length++)
        {
            var mrkdwn = HtmlToMrkdwn.Convert(html[..length]);

            // Only the relay's own links may open with '<'; each one closes.
            Assert.Equal(mrkdwn.Count(c => c == '<'), mrkdwn.Count(c => c == '>'));
            Assert.DoesNotContain("<!", mrkdwn, StringComparison.Ordinal);
        }
    }
}

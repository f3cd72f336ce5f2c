using System.Globalization;
using System.Net;
using System.Text;

namespace ChatRelay.Slack;

/// <summary>
/// HipChat's HTML subset as Slack mrkdwn, in one pass over the text: <c>a href</c> → <c>&lt;url|text&gt;</c>,
/// <c>b</c>/<c>strong</c> → <c>*x*</c>, <c>i</c>/<c>em</c> → <c>_x_</c>, <c>s</c>/<c>strike</c>/<c>del</c> → <c>~x~</c>,
/// <c>code</c> → <c>`x`</c>, <c>pre</c> → <c>```x```</c>, <c>br</c> → newline, <c>p</c>/<c>div</c>/headings → lines,
/// <c>ul</c>/<c>ol</c>/<c>li</c> → "• " and "1. " lines (nested lists indented), <c>img</c> → a link to the image.
/// Text is entity-decoded, then Slack's own escapes are applied, so a caller cannot smuggle a mention or a link
/// past the conversion. Unknown tags are dropped and their text kept; <c>script</c> and <c>style</c> lose their
/// text too. A tag that never closes is closed at the end; a stray closing tag is ignored.
/// </summary>
internal static class HtmlToMrkdwn
{
    public static string Convert(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var state = new HtmlConversion();
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                state.Text(html[i..]);
                break;
            }

            if (lt > i)
            {
                state.Text(html[i..lt]);
            }

            if (!HtmlTag.TryRead(html, lt, out var tag, out var end))
            {
                // A '<' that opens no tag ("a < b") is text.
                state.Text("<");
                i = lt + 1;
                continue;
            }

            i = end;
            if (tag.Name is "script" or "style" && !tag.Closing && !tag.SelfClosing)
            {
                var close = html.IndexOf("</" + tag.Name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : Math.Max(i, html.IndexOf('>', close) is var gt and >= 0 ? gt + 1 : html.Length);
                continue;
            }

            state.Tag(tag);
        }

        return state.Finish();
    }

    /// <summary>Decodes HTML entities in a text run (<c>&amp;amp;</c>, <c>&amp;#39;</c>, <c>&amp;nbsp;</c>…).</summary>
    public static string Decode(string text) => WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');

    internal static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    internal static void Escaped(StringBuilder builder, string text) => SlackText.AppendEscaped(builder, Decode(text));
}

namespace ChatRelay.Slack;

/// <summary>One HTML tag as <see cref="HtmlToMrkdwn"/> needs it: the lower-case name, open or close, and the few attributes it uses.</summary>
internal readonly record struct HtmlTag(string Name, bool Closing, bool SelfClosing, string? Href, string? Src, string? Alt)
{
    /// <summary>
    /// Reads the tag starting at <paramref name="start"/> ('<'); false when what follows is no tag (a comparison,
    /// a '<' never closed). Comments and declarations are read as a tag with an empty name, so they are dropped.
    /// </summary>
    public static bool TryRead(string html, int start, out HtmlTag tag, out int end)
    {
        tag = default;
        end = start;
        var i = start + 1;
        if (i >= html.Length)
        {
            return false;
        }

        if (html[i] == '!')
        {
            var close = html.StartsWith("<!--", StringComparison.Ordinal) ? html.IndexOf("-->", i, StringComparison.Ordinal) : html.IndexOf('>', i);
            if (close < 0)
            {
                return false;
            }

            end = close + (html[close] == '-' ? 3 : 1);
            tag = new HtmlTag(string.Empty, false, true, null, null, null);
            return true;
        }

        var closing = html[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < html.Length && char.IsAsciiLetterOrDigit(html[i]))
        {
            i++;
        }

        if (i == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            return false;
        }

        var name = html[nameStart..i].ToLowerInvariant();
        string? href = null, src = null, alt = null;
        var selfClosing = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                end = i + 1;
                tag = new HtmlTag(name, closing, selfClosing, href, src, alt);
                return true;
            }

            if (c == '/')
            {
                selfClosing = true;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            selfClosing = false;
            var attrStart = i;
            while (i < html.Length && html[i] is not ('=' or '>' or '/') && !char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            var attribute = html[attrStart..i].ToLowerInvariant();
            string? value = null;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var closeQuote = html.IndexOf(quote, i + 1);
                    if (closeQuote < 0)
                    {
                        return false;
                    }

                    value = html[(i + 1)..closeQuote];
                    i = closeQuote + 1;
                }
                else
                {
                    var valueStart = i;
                    while (i < html.Length && html[i] != '>' && !char.IsWhiteSpace(html[i]))
                    {
                        i++;
                    }

                    value = html[valueStart..i];
                }
            }

            if (value is not null)
            {
                value = HtmlToMrkdwn.Decode(value);
                switch (attribute)
                {
                    case "href": href = value; break;
                    case "src": src = value; break;
                    case "alt": alt = value; break;
                    default: break;
                }
            }
        }

        return false;
    }
}

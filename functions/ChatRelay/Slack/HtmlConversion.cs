using System.Text;

namespace ChatRelay.Slack;

/// <summary>
/// The output of one <see cref="HtmlToMrkdwn.Convert"/> call and its open elements. A formatting element remembers
/// where its text began; on close that text is wrapped in the mrkdwn marker (trimmed, since Slack only reads a
/// marker next to non-space text, and dropped when empty).
/// </summary>
internal sealed class HtmlConversion
{
    private readonly StringBuilder _out = new();
    private readonly List<Frame> _open = [];
    private int _preDepth;

    public void Text(string text)
    {
        if (text.Length > 0)
        {
            HtmlToMrkdwn.Escaped(_out, text);
        }
    }

    public void Tag(HtmlTag tag)
    {
        if (tag.Name.Length == 0)
        {
            return;
        }

        if (tag.Closing)
        {
            Close(tag.Name);
            return;
        }

        switch (tag.Name)
        {
            case "br":
                _out.Append('\n');
                return;
            case "hr":
                NewLine();
                _out.Append("———\n");
                return;
            case "img":
                Image(tag);
                return;
            case "li":
                ListItem();
                break;
            case "p" or "div" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "tr" or "ul" or "ol" or "blockquote" or "table":
                NewLine();
                break;
            case "pre":
                NewLine();
                _preDepth++;
                break;
            case "td" or "th":
                if (_out.Length > 0 && _out[^1] is not ('\n' or ' '))
                {
                    _out.Append(' ');
                }

                break;
            default:
                break;
        }

        if (!tag.SelfClosing && tag.Name is not ("td" or "th"))
        {
            _open.Add(new Frame(tag.Name, _out.Length, tag.Href));
        }
    }

    public string Finish()
    {
        while (_open.Count > 0)
        {
            CloseTop();
        }

        var text = _out.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        while (text.Contains("\n\n\n", StringComparison.Ordinal))
        {
            text = text.Replace("\n\n\n", "\n\n", StringComparison.Ordinal);
        }

        return text.Trim();
    }

    private void Close(string name)
    {
        var index = _open.FindLastIndex(f => f.Name == name);
        if (index < 0)
        {
            return;
        }

        while (_open.Count > index)
        {
            CloseTop();
        }
    }

    private void CloseTop()
    {
        var frame = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        switch (frame.Name)
        {
            case "b" or "strong" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                Wrap(frame, "*");
                if (frame.Name[0] == 'h')
                {
                    NewLine();
                }

                break;
            case "i" or "em":
                Wrap(frame, "_");
                break;
            case "s" or "strike" or "del":
                Wrap(frame, "~");
                break;
            case "code":
                if (_preDepth == 0)
                {
                    Wrap(frame, "`");
                }

                break;
            case "pre":
                _preDepth--;
                Wrap(frame, "```");
                NewLine();
                break;
            case "a":
                Link(frame);
                break;
            case "p" or "div" or "tr" or "ul" or "ol" or "blockquote" or "table" or "li":
                NewLine();
                break;
            default:
                break;
        }
    }

    private void Wrap(Frame frame, string marker)
    {
        var content = _out.ToString(frame.Start, _out.Length - frame.Start);
        var trimmed = content.Trim();
        _out.Length = frame.Start;
        if (trimmed.Length == 0)
        {
            _out.Append(content);
            return;
        }

        var lead = content[..content.IndexOf(trimmed[0], StringComparison.Ordinal)];
        var trail = content[(lead.Length + trimmed.Length)..];
        _out.Append(lead).Append(marker).Append(trimmed).Append(marker).Append(trail);
    }

    private void Link(Frame frame)
    {
        var url = SlackText.SafeUrl(frame.Href);
        if (url is null)
        {
            return;
        }

        var text = _out.ToString(frame.Start, _out.Length - frame.Start).Trim();
        _out.Length = frame.Start;
        _out.Append('<').Append(url);
        if (text.Length > 0)
        {
            _out.Append('|').Append(text.Replace("|", "¦", StringComparison.Ordinal));
        }

        _out.Append('>');
    }

    private void Image(HtmlTag tag)
    {
        var url = SlackText.SafeUrl(tag.Src);
        var alt = string.IsNullOrWhiteSpace(tag.Alt) ? null : SlackText.Escape(tag.Alt.Trim());
        if (url is not null)
        {
            _out.Append('<').Append(url).Append('|').Append(alt ?? "image").Append('>');
        }
        else if (alt is not null)
        {
            _out.Append(alt);
        }
    }

    private void ListItem()
    {
        // An li without its end tag ends at the next li of the same list.
        var last = _open.FindLastIndex(f => f.Name is "ul" or "ol" or "li");
        if (last >= 0 && _open[last].Name == "li")
        {
            Close("li");
        }

        NewLine();
        var lists = _open.Where(f => f.Name is "ul" or "ol").ToList();
        if (lists.Count == 0)
        {
            _out.Append("• ");
            return;
        }

        var list = lists[^1];
        _out.Append(' ', 4 * (lists.Count - 1));
        if (list.Name == "ol")
        {
            list.Counter++;
            _out.Append(HtmlToMrkdwn.Number(list.Counter)).Append(". ");
        }
        else
        {
            _out.Append("• ");
        }
    }

    private void NewLine()
    {
        if (_out.Length > 0 && _out[^1] != '\n')
        {
            _out.Append('\n');
        }
    }

    private sealed class Frame(string name, int start, string? href)
    {
        public string Name { get; } = name;

        public int Start { get; } = start;

        public string? Href { get; } = href;

        public int Counter { get; set; }
    }
}

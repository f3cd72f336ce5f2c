using System.Text;

namespace ChatRelay.Slack;

/// <summary>
/// Slack's three control characters in message text: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> must be sent as
/// entities, or Slack reads <c>&lt;…&gt;</c> as a link or a mention (<c>&lt;!channel&gt;</c>). Everything a caller
/// wrote passes through <see cref="Escape"/>, so only the relay itself can mention a channel.
/// </summary>
internal static class SlackText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        AppendEscaped(builder, text);
        return builder.ToString();
    }

    public static void AppendEscaped(StringBuilder builder, string text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                _ => builder.Append(c),
            };
        }
    }

    /// <summary>
    /// A link target inside <c>&lt;url|text&gt;</c>: http, https or mailto only (anything else is shown as text),
    /// with the characters that would end or break the link percent-encoded and Slack's escapes applied.
    /// </summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https" or "mailto"))
        {
            return null;
        }

        var builder = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            _ = c switch
            {
                '|' => builder.Append("%7C"),
                ' ' => builder.Append("%20"),
                '&' => builder.Append("&amp;"),
                '<' => builder.Append("%3C"),
                '>' => builder.Append("%3E"),
                _ when char.IsControl(c) => builder,
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}

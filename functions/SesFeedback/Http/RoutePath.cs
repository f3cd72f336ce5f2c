namespace SesFeedback.Http;

/// <summary>
/// Splits a request path for exact route matching: one leading slash, no empty segments (<c>//</c>), no trailing
/// slash, and no <c>.</c> or <c>..</c> segment, raw or percent-encoded (RFC 3986 section 3.3 leaves their meaning to
/// the server; a proxy may or may not have resolved them, so they are refused rather than guessed).
/// </summary>
internal static class RoutePath
{
    /// <summary>The raw (still percent-encoded) segments, or null when the path is not in that exact shape.</summary>
    public static string[]? Segments(string rawPath)
    {
        if (rawPath.Length < 2 || rawPath[0] != '/' || rawPath[^1] == '/')
        {
            return null;
        }

        var segments = rawPath[1..].Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || Uri.UnescapeDataString(segment) is "." or "..")
            {
                return null;
            }
        }

        return segments;
    }
}

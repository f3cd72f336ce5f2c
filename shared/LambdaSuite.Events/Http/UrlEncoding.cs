namespace LambdaSuite.Events.Http;

/// <summary>
/// Percent-decoding for paths and query strings. Query components also turn '+' into a space
/// (application/x-www-form-urlencoded, as browsers send form GETs); path segments do not.
/// Malformed escapes are kept literally instead of failing the request.
/// </summary>
public static class UrlEncoding
{
    /// <summary>Decodes one path segment: <c>a%20b</c> → <c>a b</c>, <c>a%2Fb</c> → <c>a/b</c>.</summary>
    public static string DecodePathSegment(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        return segment.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(segment) : segment;
    }

    /// <summary>Decodes one query name or value: '+' is a space, then percent escapes.</summary>
    public static string DecodeQueryComponent(string component)
    {
        ArgumentNullException.ThrowIfNull(component);
        var plusAsSpace = component.Replace('+', ' ');
        return plusAsSpace.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(plusAsSpace) : plusAsSpace;
    }

    /// <summary>
    /// Splits a path into decoded segments. Splitting happens before decoding so an encoded slash stays
    /// inside its segment. Empty segments (leading, trailing or doubled slashes) are dropped.
    /// </summary>
    public static IReadOnlyList<string> SplitPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return [];
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = new string[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            segments[i] = DecodePathSegment(parts[i]);
        }

        return segments;
    }

    /// <summary>Parses a raw query string (without '?') into decoded, multi-valued parameters.</summary>
    public static HttpValueCollection ParseQueryString(string? rawQuery)
    {
        var query = HttpValueCollection.ForQuery();
        if (string.IsNullOrEmpty(rawQuery))
        {
            return query;
        }

        foreach (var pair in rawQuery.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            query.Add(DecodeQueryComponent(name), DecodeQueryComponent(value));
        }

        return query;
    }

    /// <summary>Percent-encodes a path segment or query component (RFC 3986 unreserved characters stay).</summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Uri.EscapeDataString(value);
    }
}

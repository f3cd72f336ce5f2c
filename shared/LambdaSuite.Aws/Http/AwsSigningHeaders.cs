namespace LambdaSuite.Aws.Http;

/// <summary>
/// The headers a SigV4 signature covers, as AWSSDK.Core's signer chooses them (so a request signed here carries the
/// same <c>SignedHeaders</c>): every request and content header present, less the ones a proxy may change
/// (<c>x-amzn-trace-id</c>, <c>transfer-encoding</c>) and the SDK's own bookkeeping ones, plus <c>host</c>,
/// <c>x-amz-date</c>, <c>x-amz-content-sha256</c> and, with session credentials, <c>x-amz-security-token</c>.
/// A name on both the request and its content is signed as one comma-joined value, request first, as sent.
/// </summary>
internal static class AwsSigningHeaders
{
    private static readonly HashSet<string> s_ignored = new(StringComparer.OrdinalIgnoreCase) { "x-amzn-trace-id", "transfer-encoding", "amz-sdk-invocation-id", "amz-sdk-request" };

    /// <summary>Names in lower case, values in canonical form, sorted by name.</summary>
    public static KeyValuePair<string, string>[] Collect(HttpRequestMessage request, Uri uri, string amzDate, string payloadHash, string? securityToken)
    {
        var headers = new List<KeyValuePair<string, string>>(8);
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            Add(headers, name, Joined(values));
        }

        if (request.Content is { } content)
        {
            foreach (var (name, values) in content.Headers.NonValidated)
            {
                Add(headers, name, Joined(values));
            }
        }

        Set(headers, "host", uri.Authority);
        Set(headers, "x-amz-date", amzDate);
        if (!Contains(headers, "x-amz-content-sha256"))
        {
            Set(headers, "x-amz-content-sha256", payloadHash);
        }

        if (securityToken is not null)
        {
            Set(headers, "x-amz-security-token", securityToken);
        }

        var sorted = headers.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        for (var i = 0; i < sorted.Length; i++)
        {
            sorted[i] = new(sorted[i].Key, AwsSigV4.CanonicalHeaderValue(sorted[i].Value));
        }

        return sorted;
    }

    /// <summary>The <c>SignedHeaders</c> list: the names joined with ';'.</summary>
    public static string SignedList(KeyValuePair<string, string>[] sorted) => string.Join(';', sorted.Select(static header => header.Key));

    /// <summary>A header's values trimmed and joined with ','; the usual single value without a copy.</summary>
    private static string Joined(System.Net.Http.Headers.HeaderStringValues values)
    {
        if (values.Count == 1)
        {
            foreach (var value in values)
            {
                return value.Trim();
            }
        }

        return string.Join(',', values.Select(static value => value.Trim()));
    }

    private static void Add(List<KeyValuePair<string, string>> headers, string name, string value)
    {
        if (s_ignored.Contains(name))
        {
            return;
        }

        var lower = name.ToLowerInvariant();
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Key == lower)
            {
                headers[i] = new(lower, headers[i].Value + "," + value);
                return;
            }
        }

        headers.Add(new(lower, value));
    }

    private static void Set(List<KeyValuePair<string, string>> headers, string lowerName, string value)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Key == lowerName)
            {
                headers[i] = new(lowerName, value);
                return;
            }
        }

        headers.Add(new(lowerName, value));
    }

    private static bool Contains(List<KeyValuePair<string, string>> headers, string lowerName)
    {
        foreach (var header in headers)
        {
            if (header.Key == lowerName)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace LambdaSuite.Aws.Http;

/// <summary>
/// AWS Signature Version 4, header form, with the rules of every service but S3 (the path is encoded twice), as AWS's
/// IAM user guide specifies it ("Create a signed AWS API request"): canonical request, string to sign, signing key,
/// signature. Written into bytes, not strings: once the day's key is derived a request costs one SHA-256 of a few
/// hundred bytes and one HMAC. <see cref="AwsSigningHandler"/> applies it to requests.
/// </summary>
public static class AwsSigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The payload hash of an empty body.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
    public static byte[] DeriveKey(string secretKey, string date, string region, string service)
    {
        ArgumentNullException.ThrowIfNull(secretKey);
        ArgumentException.ThrowIfNullOrEmpty(date);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(service);
        var secret = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        try
        {
            var key = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(date));
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
            return HMACSHA256.HashData(key, "aws4_request"u8);
        }
        finally
        {
            // The secret's bytes do not outlive the derivation.
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The credential scope: <c>date/region/service/aws4_request</c>.</summary>
    public static string Scope(string date, string region, string service) => date + "/" + region + "/" + service + "/aws4_request";

    /// <summary>
    /// The canonical request: method, canonical URI, canonical query, the headers (names lower case and sorted,
    /// values already canonical), the signed header list, the payload hash, each on its own line.
    /// </summary>
    public static void WriteCanonicalRequest(IBufferWriter<byte> output, string method, Uri uri, ReadOnlySpan<KeyValuePair<string, string>> sortedHeaders, string signedHeaders, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(uri);
        Write(output, method);
        Write(output, "\n");
        WriteCanonicalUri(output, uri.AbsolutePath);
        Write(output, "\n");
        WriteCanonicalQuery(output, uri.Query);
        Write(output, "\n");
        foreach (var (name, value) in sortedHeaders)
        {
            Write(output, name);
            Write(output, ":");
            Write(output, value);
            Write(output, "\n");
        }

        Write(output, "\n");
        Write(output, signedHeaders);
        Write(output, "\n");
        Write(output, payloadHash);
    }

    /// <summary>The hex signature: HMAC(signing key, string to sign), the string to sign naming the canonical request's SHA-256.</summary>
    public static string Signature(ReadOnlySpan<byte> signingKey, string amzDate, string scope, ReadOnlySpan<byte> canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(amzDate);
        ArgumentNullException.ThrowIfNull(scope);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonicalRequest, hash);
        var length = Algorithm.Length + amzDate.Length + scope.Length + 3 + (2 * SHA256.HashSizeInBytes);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var at = Encoding.UTF8.GetBytes(Algorithm, rented);
            rented[at++] = (byte)'\n';
            at += Encoding.UTF8.GetBytes(amzDate, rented.AsSpan(at));
            rented[at++] = (byte)'\n';
            at += Encoding.UTF8.GetBytes(scope, rented.AsSpan(at));
            rented[at++] = (byte)'\n';
            Convert.TryToHexStringLower(hash, rented.AsSpan(at), out var hex);
            at += hex;
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(signingKey, rented.AsSpan(0, at), mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>A header value in canonical form: trimmed, inner runs of spaces collapsed to one.</summary>
    public static string CanonicalHeaderValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.Trim();
        if (!trimmed.Contains("  ", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var text = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (c != ' ' || text[^1] != ' ')
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>The path as sent (percent-encoded once by the caller), every segment encoded again (non-S3 rule).</summary>
    private static void WriteCanonicalUri(IBufferWriter<byte> output, string absolutePath)
    {
        if (absolutePath.Length == 0)
        {
            Write(output, "/");
            return;
        }

        // Each segment with the query escaping (RFC 3986's unreserved set kept), the slashes between them kept.
        var path = absolutePath.AsSpan();
        while (true)
        {
            var slash = path.IndexOf('/');
            var segment = slash < 0 ? path : path[..slash];
            output.Advance(AwsQueryBuilder.Escape(segment, output.GetSpan((segment.Length * 9) + 1)));
            if (slash < 0)
            {
                break;
            }

            Write(output, "/");
            path = path[(slash + 1)..];
        }
    }

    /// <summary>Parameters decoded, encoded again with RFC 3986's unreserved set, sorted by name then value.</summary>
    private static void WriteCanonicalQuery(IBufferWriter<byte> output, string query)
    {
        var text = query.StartsWith('?') ? query[1..] : query;
        if (text.Length == 0)
        {
            return;
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            pairs.Add((Uri.EscapeDataString(name), Uri.EscapeDataString(value)));
        }

        pairs.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i > 0)
            {
                Write(output, "&");
            }

            Write(output, pairs[i].Name);
            Write(output, "=");
            Write(output, pairs[i].Value);
        }
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}

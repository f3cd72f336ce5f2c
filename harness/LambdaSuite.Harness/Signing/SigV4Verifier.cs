using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LambdaSuite.Harness.Signing;

/// <summary>
/// An independent AWS Signature Version 4 check, written from the specification (canonical request, string to
/// sign, derived key) rather than from the SDK or the clients' own signer, so a stub can tell whether the signing
/// handler and our request building produce what a real service would accept. Only non-S3 rules apply: paths are encoded twice.
/// Shared by the tests' AWS stub and the harness's HTTP API front (<see cref="Runtime.HttpApiFrontServer"/>).
/// </summary>
public static class SigV4Verifier
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>Verifies a request as it arrived: raw target (path and query as sent), header map (any case), body.</summary>
    public static SigV4Check Verify(
        string method,
        string rawTarget,
        IReadOnlyDictionary<string, string> headers,
        ReadOnlySpan<byte> body,
        Func<string, string?> secretForAccessKey,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rawTarget);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(secretForAccessKey);
        var lookup = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        if (!lookup.TryGetValue("authorization", out var authorization))
        {
            return SigV4Check.Invalid("no Authorization header");
        }

        if (!TryParseAuthorization(authorization, out var credential, out var signedHeaders, out var signature, out var reason))
        {
            return SigV4Check.Invalid(reason);
        }

        var scope = credential.Split('/');
        if (scope is not [var accessKey, var date, var region, var service, "aws4_request"])
        {
            return SigV4Check.Invalid($"malformed credential scope '{credential}'");
        }

        if (!lookup.TryGetValue("x-amz-date", out var amzDate) || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt))
        {
            return SigV4Check.Invalid("missing or malformed X-Amz-Date");
        }

        if (!amzDate.StartsWith(date, StringComparison.Ordinal))
        {
            return SigV4Check.Invalid($"scope date {date} differs from X-Amz-Date {amzDate}");
        }

        if ((now - signedAt).Duration() > TimeSpan.FromMinutes(15))
        {
            return SigV4Check.Invalid($"request time {amzDate} is more than 15 minutes from the server's");
        }

        if (!signedHeaders.Contains("host") || !signedHeaders.Contains("x-amz-date"))
        {
            return SigV4Check.Invalid("host and x-amz-date must be signed");
        }

        var missing = signedHeaders.FirstOrDefault(name => !lookup.ContainsKey(name));
        if (missing is not null)
        {
            return SigV4Check.Invalid($"signed header '{missing}' is not in the request");
        }

        var payloadHash = Hex(SHA256.HashData(body));
        if (lookup.TryGetValue("x-amz-content-sha256", out var declaredHash) && !string.Equals(declaredHash, payloadHash, StringComparison.Ordinal))
        {
            return SigV4Check.Invalid("X-Amz-Content-SHA256 does not match the body");
        }

        var secret = secretForAccessKey(accessKey);
        if (secret is null)
        {
            return SigV4Check.Invalid($"unknown access key '{accessKey}'");
        }

        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var rawQuery = queryStart < 0 ? string.Empty : rawTarget[(queryStart + 1)..];
        var canonical = CanonicalRequest(method, rawPath, rawQuery, signedHeaders, name => lookup[name], payloadHash);
        var expected = Signature(SigningKey(secret, date, region, service), StringToSign(amzDate, $"{date}/{region}/{service}/aws4_request", canonical));
        return string.Equals(expected, signature, StringComparison.Ordinal)
            ? new SigV4Check(true, null, accessKey, region, service, signedHeaders, canonical)
            : new SigV4Check(false, "signature does not match", accessKey, region, service, signedHeaders, canonical);
    }

    /// <summary>Task 1 of the specification: method, canonical URI, canonical query, canonical headers, signed headers, payload hash.</summary>
    public static string CanonicalRequest(string method, string rawPath, string rawQuery, IReadOnlyList<string> signedHeaders, Func<string, string> headerValue, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(signedHeaders);
        ArgumentNullException.ThrowIfNull(headerValue);
        var text = new StringBuilder();
        text.Append(method).Append('\n');
        text.Append(CanonicalUri(rawPath)).Append('\n');
        text.Append(CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            text.Append(name).Append(':').Append(CanonicalHeaderValue(headerValue(name))).Append('\n');
        }

        text.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash);
        return text.ToString();
    }

    /// <summary>
    /// The path as sent (already percent-encoded once) with dot segments removed, then every segment encoded again:
    /// non-S3 services sign the doubly encoded path.
    /// </summary>
    public static string CanonicalUri(string rawPath)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        if (rawPath.Length == 0)
        {
            return "/";
        }

        var output = new List<string>();
        foreach (var segment in rawPath.Split('/').Skip(1))
        {
            if (segment == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }
            }
            else if (segment != ".")
            {
                output.Add(segment);
            }
        }

        return "/" + string.Join('/', output.Select(Uri.EscapeDataString));
    }

    /// <summary>Parameters decoded, re-encoded with RFC 3986 rules, sorted by name then value; "name=" for empty values.</summary>
    public static string CanonicalQuery(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        return string.Join('&', rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair =>
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
                return (Name: Uri.EscapeDataString(name), Value: Uri.EscapeDataString(value));
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>Leading/trailing spaces trimmed, inner runs of spaces collapsed to one.</summary>
    public static string CanonicalHeaderValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    /// <summary>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").</summary>
    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        return Hmac(key, "aws4_request");
    }

    public static string Signature(byte[] signingKey, string stringToSign) => Hex(Hmac(signingKey, stringToSign));

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static bool TryParseAuthorization(string header, out string credential, out IReadOnlyList<string> signedHeaders, out string signature, out string reason)
    {
        credential = signature = reason = string.Empty;
        signedHeaders = [];
        if (!header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            reason = "Authorization is not AWS4-HMAC-SHA256";
            return false;
        }

        var fields = header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("Credential", out var credentialValue) || !fields.TryGetValue("SignedHeaders", out var headersValue) || !fields.TryGetValue("Signature", out var signatureValue))
        {
            reason = "Authorization lacks Credential, SignedHeaders or Signature";
            return false;
        }

        var names = headersValue.Split(';');
        if (!names.SequenceEqual(names.Order(StringComparer.Ordinal)) || names.Any(n => n != n.ToLowerInvariant()))
        {
            reason = "SignedHeaders must be lowercase and sorted";
            return false;
        }

        credential = credentialValue;
        signedHeaders = names;
        signature = signatureValue;
        return true;
    }
}

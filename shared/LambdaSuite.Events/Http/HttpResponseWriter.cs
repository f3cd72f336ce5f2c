using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace LambdaSuite.Events.Http;

/// <summary>
/// Serialises an <see cref="HttpResponse"/> in the format of the request it answers: ALB answers carry
/// <c>statusDescription</c> and use <c>multiValueHeaders</c> exactly when the request did; REST API (v1) answers
/// use <c>multiValueHeaders</c> so repeated headers survive; HTTP API (v2) answers put Set-Cookie values in
/// <c>cookies</c>. Text bodies (text/*, JSON, XML, form data) that are valid UTF-8 are sent as text, anything
/// else base64 with <c>isBase64Encoded: true</c>.
/// </summary>
public static class HttpResponseWriter
{
    private const string SetCookie = "Set-Cookie";

    public static byte[] Write(HttpRequest request, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Write(request.Kind, response);
    }

    public static byte[] Write(HttpEventKind kind, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (body, isBase64) = EncodeBody(response);
        var headers = CollectHeaders(response, out var cookies);
        return kind switch
        {
            HttpEventKind.Alb => JsonSerializer.SerializeToUtf8Bytes(
                new AlbResponse
                {
                    StatusCode = response.StatusCode,
                    StatusDescription = HttpReasonPhrases.StatusDescription(response.StatusCode),
                    Headers = SingleValued(headers, cookies),
                    Body = body,
                    IsBase64Encoded = isBase64,
                },
                HttpEventJsonContext.Default.AlbResponse),
            HttpEventKind.AlbMultiValue => JsonSerializer.SerializeToUtf8Bytes(
                new AlbResponse
                {
                    StatusCode = response.StatusCode,
                    StatusDescription = HttpReasonPhrases.StatusDescription(response.StatusCode),
                    MultiValueHeaders = MultiValued(headers, cookies),
                    Body = body,
                    IsBase64Encoded = isBase64,
                },
                HttpEventJsonContext.Default.AlbResponse),
            HttpEventKind.ApiGatewayV1 => JsonSerializer.SerializeToUtf8Bytes(
                new ApiGatewayProxyResponse
                {
                    StatusCode = response.StatusCode,
                    MultiValueHeaders = MultiValued(headers, cookies),
                    Body = body,
                    IsBase64Encoded = isBase64,
                },
                HttpEventJsonContext.Default.ApiGatewayProxyResponse),
            HttpEventKind.ApiGatewayV2 => JsonSerializer.SerializeToUtf8Bytes(
                new ApiGatewayHttpApiResponse
                {
                    StatusCode = response.StatusCode,
                    Headers = Joined(headers),
                    Cookies = cookies.Count > 0 ? cookies : null,
                    Body = body,
                    IsBase64Encoded = isBase64,
                },
                HttpEventJsonContext.Default.ApiGatewayHttpApiResponse),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown HTTP event kind."),
        };
    }

    /// <summary>Whether a body of this content type is sent as text rather than base64.</summary>
    public static bool IsTextContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        var mediaType = (semicolon < 0 ? contentType : contentType[..semicolon]).Trim();
        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
    }

    private static (string Body, bool IsBase64) EncodeBody(HttpResponse response)
    {
        var span = response.Body.Span;
        if (span.IsEmpty)
        {
            return (string.Empty, false);
        }

        var contentType = response.Headers["content-type"] ?? response.ContentType;
        return IsTextContentType(contentType) && Utf8.IsValid(span)
            ? (Encoding.UTF8.GetString(span), false)
            : (Convert.ToBase64String(span), true);
    }

    /// <summary>Response headers with Content-Type filled in and every Set-Cookie moved to <paramref name="cookies"/>.</summary>
    private static HttpValueCollection CollectHeaders(HttpResponse response, out List<string> cookies)
    {
        cookies = [.. response.Cookies];
        var headers = HttpValueCollection.ForHeaders();
        foreach (var (name, values) in response.Headers)
        {
            foreach (var value in values)
            {
                if (string.Equals(name, SetCookie, StringComparison.OrdinalIgnoreCase))
                {
                    cookies.Add(value);
                }
                else
                {
                    headers.Add(name, value);
                }
            }
        }

        if (response.ContentType is not null && !headers.Contains("content-type"))
        {
            headers.Add("Content-Type", response.ContentType);
        }

        return headers;
    }

    private static Dictionary<string, List<string>> MultiValued(HttpValueCollection headers, List<string> cookies)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            map[name] = [.. values];
        }

        if (cookies.Count > 0)
        {
            map[SetCookie] = cookies;
        }

        return map;
    }

    /// <summary>
    /// ALB single-value mode: a header field carries one value, so repeated values are comma-joined
    /// (RFC 9110 section 5.3). Set-Cookie cannot be joined (its Expires holds a comma); the last one is sent.
    /// </summary>
    private static Dictionary<string, string> SingleValued(HttpValueCollection headers, List<string> cookies)
    {
        var map = Joined(headers);
        if (cookies.Count > 0)
        {
            map[SetCookie] = cookies[^1];
        }

        return map;
    }

    private static Dictionary<string, string> Joined(HttpValueCollection headers)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            map[name] = string.Join(", ", values);
        }

        return map;
    }
}

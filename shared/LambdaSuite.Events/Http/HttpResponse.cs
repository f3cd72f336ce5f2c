using System.Text;

namespace LambdaSuite.Events.Http;

/// <summary>
/// A response in format-neutral terms; <see cref="HttpResponseWriter"/> turns it into the ALB, REST API or
/// HTTP API answer the request came from. Set-Cookie values go in <see cref="Cookies"/> so the HTTP API
/// format can carry them in its own <c>cookies</c> list.
/// </summary>
public sealed class HttpResponse
{
    public HttpResponse(int statusCode)
    {
        if (statusCode is < 100 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "HTTP status codes are 100-599.");
        }

        StatusCode = statusCode;
    }

    public int StatusCode { get; }

    public HttpValueCollection Headers { get; } = HttpValueCollection.ForHeaders();

    /// <summary>Set-Cookie header values, one cookie each.</summary>
    public IList<string> Cookies { get; } = [];

    /// <summary>Written as the Content-Type header unless <see cref="Headers"/> already has one.</summary>
    public string? ContentType { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>An empty response (204, 404, ...).</summary>
    public static HttpResponse Status(int statusCode) => new(statusCode);

    public static HttpResponse Text(int statusCode, string text, string contentType = "text/plain; charset=utf-8")
    {
        ArgumentNullException.ThrowIfNull(text);
        return new HttpResponse(statusCode) { ContentType = contentType, Body = Encoding.UTF8.GetBytes(text) };
    }

    /// <summary>A JSON body already serialised to UTF-8 (through a source-generated context).</summary>
    public static HttpResponse Json(int statusCode, ReadOnlyMemory<byte> utf8Json) =>
        new(statusCode) { ContentType = "application/json", Body = utf8Json };

    public static HttpResponse Bytes(int statusCode, ReadOnlyMemory<byte> body, string contentType = "application/octet-stream") =>
        new(statusCode) { ContentType = contentType, Body = body };
}

using System.Text;

namespace LambdaSuite.Events.Http;

/// <summary>
/// One HTTP request, whichever AWS front door (ALB, REST API, HTTP API) delivered it, so a function handles
/// HTTP once. Built by <see cref="HttpEventParser"/>; answer it with <see cref="HttpResponseWriter"/>, which
/// uses <see cref="Kind"/> to reply in the caller's format.
/// </summary>
public sealed class HttpRequest
{
    public HttpRequest(HttpEventKind kind, string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        Kind = kind;
        Method = method.ToUpperInvariant();
        Path = path;
        PathSegments = UrlEncoding.SplitPath(path);
    }

    public HttpEventKind Kind { get; }

    /// <summary>Upper-case method (GET, POST, ...).</summary>
    public string Method { get; }

    /// <summary>The path as the front door passed it (may hold percent escapes).</summary>
    public string Path { get; }

    /// <summary>Non-empty path segments, each percent-decoded; an encoded slash stays inside its segment.</summary>
    public IReadOnlyList<string> PathSegments { get; }

    /// <summary>Decoded query parameters, every repeated value kept.</summary>
    public HttpValueCollection Query { get; init; } = HttpValueCollection.ForQuery();

    /// <summary>
    /// Headers, names case-insensitive. From an HTTP API (v2) event a repeated header is one comma-joined value,
    /// because that is all the event carries.
    /// </summary>
    public HttpValueCollection Headers { get; init; } = HttpValueCollection.ForHeaders();

    /// <summary>Request cookies as <c>name=value</c> pairs, from the Cookie header or the v2 <c>cookies</c> list.</summary>
    public IReadOnlyList<string> Cookies { get; init; } = [];

    /// <summary>Route parameters API Gateway matched (<c>{id}</c>); empty for ALB.</summary>
    public IReadOnlyDictionary<string, string> PathParameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Body bytes, already base64-decoded when the event flagged them.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    public string? SourceIp { get; init; }

    /// <summary>API Gateway's request id, or the ALB's <c>X-Amzn-Trace-Id</c> header.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// The IAM caller's ARN that API Gateway authenticated, from an HTTP API (v2) route with AWS_IAM authorisation
    /// (<c>requestContext.authorizer.iam.userArn</c>); null from every other door. Only API Gateway writes it into the
    /// event (a client's headers cannot), so it can tell an authorised caller apart.
    /// </summary>
    public string? IamCallerArn { get; init; }

    public string? ContentType => Headers["content-type"];

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The value of cookie <paramref name="name"/>, or null.</summary>
    public string? GetCookie(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var cookie in Cookies)
        {
            var equals = cookie.IndexOf('=', StringComparison.Ordinal);
            var cookieName = (equals < 0 ? cookie : cookie[..equals]).Trim();
            if (string.Equals(cookieName, name, StringComparison.Ordinal))
            {
                return equals < 0 ? string.Empty : cookie[(equals + 1)..].Trim();
            }
        }

        return null;
    }
}

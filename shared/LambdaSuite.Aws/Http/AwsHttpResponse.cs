using System.Net;
using System.Net.Http.Headers;

namespace LambdaSuite.Aws.Http;

/// <summary>A fully read answer: status, headers and body bytes (AWS API answers are small enough to buffer).</summary>
public sealed class AwsHttpResponse(HttpStatusCode statusCode, HttpResponseHeaders headers, HttpContentHeaders? contentHeaders, byte[] body)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    public byte[] Body { get; } = body;

    /// <summary>First value of a response or content header, or null.</summary>
    public string? Header(string name)
    {
        if (headers.TryGetValues(name, out var values))
        {
            return values.FirstOrDefault();
        }

        return contentHeaders is not null && contentHeaders.TryGetValues(name, out var contentValues) ? contentValues.FirstOrDefault() : null;
    }
}

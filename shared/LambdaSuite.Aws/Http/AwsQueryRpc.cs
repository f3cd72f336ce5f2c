using System.Net.Http.Headers;
using System.Xml.Linq;

namespace LambdaSuite.Aws.Http;

/// <summary>The AWS query protocol: form-encoded <c>POST /</c>, answer <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;</c>.</summary>
public static class AwsQueryRpc
{
    /// <summary>Sends the query; <paramref name="parseResult"/> reads the <c>{Action}Result</c> element.</summary>
    public static Task<T> InvokeAsync<T>(this AwsHttp http, string operation, AwsQueryBuilder parameters, Func<XElement, T> parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(parameters);
        return InvokeRawAsync(http, operation, parameters.ToBytes(), parseResult, cancellationToken);
    }

    /// <summary>
    /// Sends a form body the caller wrote itself (PublishBatch straight from the messages' bytes), without a copy,
    /// hashed once. The caller keeps <paramref name="body"/> alive until the returned task completes.
    /// </summary>
    public static Task<T> InvokeRawAsync<T>(this AwsHttp http, string operation, ReadOnlyMemory<byte> body, Func<XElement, T> parseResult, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        return InvokeRawAsync(
            http,
            operation,
            body,
            answer =>
            {
                var root = AwsXml.Parse(answer).Root;
                return parseResult(AwsXml.Require(root, operation + "Result"));
            },
            cancellationToken);
    }

    /// <summary>
    /// As <see cref="InvokeRawAsync{T}(AwsHttp, string, ReadOnlyMemory{byte}, Func{XElement, T}, CancellationToken)"/>, but
    /// <paramref name="parseAnswer"/> reads the 2xx answer's bytes itself (PublishBatch reads its plain answers without
    /// an XML tree).
    /// </summary>
    public static Task<T> InvokeRawAsync<T>(this AwsHttp http, string operation, ReadOnlyMemory<byte> body, Func<byte[], T> parseAnswer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(parseAnswer);
        var uri = http.UriFor("/");
        var payloadHash = AwsPayloadHash.Of(body.Span);
        return http.SendAsync(
            operation,
            AwsProtocol.Query,
            () =>
            {
                var content = new ReadOnlyMemoryContent(body);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");
                var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
                AwsPayloadHash.Set(message, payloadHash);
                return message;
            },
            response => parseAnswer(response.Body),
            cancellationToken);
    }
}

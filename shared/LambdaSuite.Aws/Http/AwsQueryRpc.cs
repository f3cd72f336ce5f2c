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
        ArgumentNullException.ThrowIfNull(parseResult);
        var uri = http.UriFor("/");
        var body = parameters.ToBytes();
        var payloadHash = AwsPayloadHash.Of(body);
        return http.SendAsync(
            operation,
            AwsProtocol.Query,
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = AwsQueryBuilder.ToContent(body) };
                AwsPayloadHash.Set(message, payloadHash);
                return message;
            },
            response =>
            {
                var root = AwsXml.Parse(response.Body).Root;
                return parseResult(AwsXml.Require(root, operation + "Result"));
            },
            cancellationToken);
    }
}

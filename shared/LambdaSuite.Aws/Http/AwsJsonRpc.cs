using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaSuite.Aws.Http;

/// <summary>
/// The AWS JSON 1.0/1.1 protocol: <c>POST /</c> with <c>X-Amz-Target: {prefix}.{Operation}</c>, content type
/// <c>application/x-amz-json-{version}</c> (no charset, as the SDKs send it) and a JSON body whose field names are the
/// service's own. Type information comes from source-generated contexts, so no reflection runs.
/// </summary>
public static class AwsJsonRpc
{
    public static Task<TResponse> InvokeAsync<TRequest, TResponse>(
        this AwsHttp http,
        string targetPrefix,
        string jsonVersion,
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken) =>
        Send(http, targetPrefix, jsonVersion, operation, request, requestType, response => Parse(operation, response, responseType), cancellationToken);

    /// <summary>For operations whose answer has no members (CreateStream answers an empty body).</summary>
    public static Task<TResponse> InvokeEmptyAsync<TRequest, TResponse>(
        this AwsHttp http,
        string targetPrefix,
        string jsonVersion,
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        TResponse emptyResponse,
        CancellationToken cancellationToken) =>
        Send(http, targetPrefix, jsonVersion, operation, request, requestType, _ => emptyResponse, cancellationToken);

    /// <summary>
    /// For a body the caller wrote itself (PutRecords straight from the event's bytes): sent as is, without a copy,
    /// hashed once. The caller keeps <paramref name="body"/> alive until the returned task completes.
    /// </summary>
    public static Task<TResponse> InvokeRawAsync<TResponse>(
        this AwsHttp http,
        string targetPrefix,
        string jsonVersion,
        string operation,
        ReadOnlyMemory<byte> body,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseType);
        return SendBody(http, targetPrefix, jsonVersion, operation, body, response => Parse(operation, response, responseType), cancellationToken);
    }

    /// <summary>
    /// As <see cref="InvokeRawAsync{TResponse}(AwsHttp, string, string, string, ReadOnlyMemory{byte}, JsonTypeInfo{TResponse}, CancellationToken)"/>,
    /// but <paramref name="parseAnswer"/> reads the 2xx answer's bytes itself (SendMessageBatch reads its common answer
    /// without the serializer); it is not called for an empty body.
    /// </summary>
    public static Task<TResponse> InvokeRawAsync<TResponse>(
        this AwsHttp http,
        string targetPrefix,
        string jsonVersion,
        string operation,
        ReadOnlyMemory<byte> body,
        Func<byte[], TResponse> parseAnswer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseAnswer);
        return SendBody(http, targetPrefix, jsonVersion, operation, body, response => parseAnswer(NonEmptyBody(operation, response)), cancellationToken);
    }

    private static TResponse Parse<TResponse>(string operation, AwsHttpResponse response, JsonTypeInfo<TResponse> responseType) =>
        JsonSerializer.Deserialize(NonEmptyBody(operation, response), responseType) ?? throw new FormatException($"{operation} answered with JSON null.");

    private static byte[] NonEmptyBody(string operation, AwsHttpResponse response) =>
        response.Body.Length == 0 ? throw new FormatException($"{operation} answered with an empty body.") : response.Body;

    private static Task<TResponse> Send<TRequest, TResponse>(
        AwsHttp http,
        string targetPrefix,
        string jsonVersion,
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        Func<AwsHttpResponse, TResponse> parse,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendBody(http, targetPrefix, jsonVersion, operation, JsonSerializer.SerializeToUtf8Bytes(request, requestType), parse, cancellationToken);
    }

    private static Task<TResponse> SendBody<TResponse>(
        AwsHttp http,
        string targetPrefix,
        string jsonVersion,
        string operation,
        ReadOnlyMemory<byte> body,
        Func<AwsHttpResponse, TResponse> parse,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var contentType = MediaTypeHeaderValue.Parse("application/x-amz-json-" + jsonVersion);
        var uri = http.UriFor("/");
        var payloadHash = AwsPayloadHash.Of(body.Span);
        return http.SendAsync(
            operation,
            AwsProtocol.Json,
            () =>
            {
                var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ReadOnlyMemoryContent(body) };
                message.Content.Headers.ContentType = contentType;
                message.Headers.TryAddWithoutValidation("X-Amz-Target", targetPrefix + "." + operation);
                AwsPayloadHash.Set(message, payloadHash);
                return message;
            },
            parse,
            cancellationToken);
    }
}

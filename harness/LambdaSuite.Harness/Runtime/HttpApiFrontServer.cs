using System.Text;
using System.Text.Json;
using LambdaSuite.Harness.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LambdaSuite.Harness.Runtime;

/// <summary>
/// A loopback stand-in for an HTTP API route with <c>AWS_IAM</c> authorisation in front of one function (the template's
/// administrator routes to IotRegistry): it checks each request's SigV4 signature for the service
/// <c>execute-api</c> against the callers it knows (<see cref="SigV4Verifier"/>, written from the specification), answers
/// 403 with API Gateway's <c>{"message"}</c> when the signature is missing, unknown or wrong, and otherwise hands the
/// function a payload 2.0 event carrying the caller in <c>requestContext.authorizer.iam</c>, as API Gateway does.
/// The function's <c>statusCode</c>, <c>headers</c> and <c>body</c> go back to the caller.
/// </summary>
public sealed class HttpApiFrontServer : IAsyncDisposable
{
    /// <summary>The signing name of API Gateway's invoke API.</summary>
    public const string SigningService = "execute-api";

    private const string AccountId = "123456789012";

    private readonly WebApplication _app;

    private HttpApiFrontServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Endpoint { get; }

    public static async Task<HttpApiFrontServer> StartAsync(
        BootstrapSession session, IReadOnlyCollection<HttpApiCaller> callers, TimeSpan invocationTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(callers);
        var byKey = callers.ToDictionary(c => c.AccessKeyId, StringComparer.Ordinal);
        var (app, endpoint) = await LoopbackServer.StartAsync(context => ForwardAsync(session, byKey, invocationTimeout, context), cancellationToken).ConfigureAwait(false);
        return new HttpApiFrontServer(app, endpoint);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task ForwardAsync(BootstrapSession session, Dictionary<string, HttpApiCaller> callers, TimeSpan invocationTimeout, HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = (request.Path.Value ?? "/") + (request.QueryString.Value ?? "");
        if (!headers.ContainsKey("authorization"))
        {
            await RefuseAsync(context, "Forbidden").ConfigureAwait(false);
            return;
        }

        var check = SigV4Verifier.Verify(request.Method, rawTarget, headers, body, key => callers.TryGetValue(key, out var known) ? known.SecretAccessKey : null, DateTimeOffset.UtcNow);
        if (!check.IsValid || check.Service != SigningService)
        {
            await RefuseAsync(context, check.Reason is { } reason && reason.StartsWith("unknown access key", StringComparison.Ordinal)
                ? "The security token included in the request is invalid."
                : $"The request signature we calculated does not match the signature you provided ({check.Reason ?? "service is not " + SigningService}).").ConfigureAwait(false);
            return;
        }

        var caller = callers[check.AccessKeyId!];
        var eventJson = EventFor(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, body, caller);
        var outcome = await session.InvokeAsync(eventJson, invocationTimeout, context.RequestAborted).ConfigureAwait(false);
        if (outcome.IsError)
        {
            // What API Gateway answers when its Lambda integration fails.
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsync("{\"message\":\"Internal Server Error\"}", context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await LambdaHttpAnswer.WriteAsync(context, outcome.Body).ConfigureAwait(false);
    }

    /// <summary>API Gateway's answer to a request IAM did not authenticate: 403 and a <c>message</c>; the function is not called.</summary>
    private static Task RefuseAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"message\":\"" + JsonEncodedText.Encode(message) + "\"}", context.RequestAborted);
    }

    /// <summary>
    /// The payload 2.0 event API Gateway sends for a request (lower-cased headers, the body as text when it is UTF-8),
    /// with the caller's identity under <c>requestContext.authorizer.iam</c> when IAM authenticated one.
    /// </summary>
    public static byte[] EventFor(string method, string path, string rawQuery, IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body, HttpApiCaller? caller)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var query = (rawQuery ?? "").TrimStart('?');
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("version", "2.0");
            writer.WriteString("routeKey", "$default");
            writer.WriteString("rawPath", path);
            writer.WriteString("rawQueryString", query);
            writer.WriteStartObject("headers");
            foreach (var (name, value) in headers)
            {
                writer.WriteString(name.ToLowerInvariant(), value);
            }

            writer.WriteEndObject();
            if (query.Length > 0)
            {
                writer.WriteStartObject("queryStringParameters");
                foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    writer.WriteString(Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]), equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]));
                }

                writer.WriteEndObject();
            }

            writer.WriteStartObject("requestContext");
            writer.WriteString("accountId", AccountId);
            writer.WriteString("apiId", "local");
            if (caller is not null)
            {
                writer.WriteStartObject("authorizer");
                writer.WriteStartObject("iam");
                writer.WriteString("accessKey", caller.AccessKeyId);
                writer.WriteString("accountId", AccountId);
                writer.WriteString("callerId", caller.AccessKeyId);
                writer.WriteString("userArn", caller.UserArn);
                writer.WriteString("userId", caller.AccessKeyId);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteString("domainName", "local.execute-api.us-east-1.amazonaws.com");
            writer.WriteStartObject("http");
            writer.WriteString("method", method);
            writer.WriteString("path", path);
            writer.WriteString("protocol", "HTTP/1.1");
            writer.WriteString("sourceIp", "127.0.0.1");
            writer.WriteString("userAgent", headers.TryGetValue("user-agent", out var agent) ? agent : "");
            writer.WriteEndObject();
            writer.WriteString("requestId", Guid.NewGuid().ToString("N"));
            writer.WriteString("routeKey", "$default");
            writer.WriteString("stage", "$default");
            writer.WriteNumber("timeEpoch", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            writer.WriteEndObject();
            if (System.Text.Unicode.Utf8.IsValid(body))
            {
                writer.WriteString("body", body);
                writer.WriteBoolean("isBase64Encoded", false);
            }
            else
            {
                writer.WriteBase64String("body", body);
                writer.WriteBoolean("isBase64Encoded", true);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

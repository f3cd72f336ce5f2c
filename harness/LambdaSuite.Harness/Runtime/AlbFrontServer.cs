using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LambdaSuite.Harness.Runtime;

/// <summary>
/// A loopback stand-in for the internal ALB in front of one function: a plain HTTP request (from <c>curl</c>, say)
/// becomes the event an ALB sends a Lambda target with multi-value headers off (lower-cased header names, query
/// values as received, not decoded, as the ALB passes them), the function's bootstrap answers it through
/// <see cref="BootstrapSession"/>, and its <c>statusCode</c>, <c>headers</c> and <c>body</c> go back to the caller.
/// </summary>
public sealed class AlbFrontServer : IAsyncDisposable
{
    /// <summary>The target group ARN the events name (the template's <c>&lt;prefix&gt;-&lt;name&gt;</c> target group).</summary>
    public const string TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/suite-front/0123456789abcdef";

    private readonly WebApplication _app;

    private AlbFrontServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Endpoint { get; }

    public static async Task<AlbFrontServer> StartAsync(BootstrapSession session, TimeSpan invocationTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (app, endpoint) = await LoopbackServer.StartAsync(context => ForwardAsync(session, invocationTimeout, context), cancellationToken).ConfigureAwait(false);
        return new AlbFrontServer(app, endpoint);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The ALB event for a request (single-value headers and query, the body as UTF-8 text).</summary>
    public static byte[] EventFor(string method, string path, string rawQuery, IEnumerable<KeyValuePair<string, string>> headers, string body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("requestContext");
            writer.WriteStartObject("elb");
            writer.WriteString("targetGroupArn", TargetGroupArn);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteString("httpMethod", method);
            writer.WriteString("path", path);
            writer.WriteStartObject("queryStringParameters");
            foreach (var pair in (rawQuery ?? "").TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                writer.WriteString(equals < 0 ? pair : pair[..equals], equals < 0 ? "" : pair[(equals + 1)..]);
            }

            writer.WriteEndObject();
            writer.WriteStartObject("headers");
            foreach (var (name, value) in headers)
            {
                writer.WriteString(name.ToLowerInvariant(), value);
            }

            writer.WriteString("x-forwarded-for", "127.0.0.1");
            writer.WriteString("x-forwarded-proto", "https");
            writer.WriteString("x-forwarded-port", "443");
            writer.WriteEndObject();
            writer.WriteString("body", body);
            writer.WriteBoolean("isBase64Encoded", false);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static async Task ForwardAsync(BootstrapSession session, TimeSpan invocationTimeout, HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = request.Headers.Where(h => !h.Key.StartsWith("x-forwarded-", StringComparison.OrdinalIgnoreCase)).Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()));
        var eventJson = EventFor(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, body);
        var outcome = await session.InvokeAsync(eventJson, invocationTimeout, context.RequestAborted).ConfigureAwait(false);
        if (outcome.IsError)
        {
            // What the ALB answers when its Lambda target fails.
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        await LambdaHttpAnswer.WriteAsync(context, outcome.Body).ConfigureAwait(false);
    }
}

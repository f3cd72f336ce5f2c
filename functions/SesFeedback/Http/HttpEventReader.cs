using System.Text.Json;
using LambdaSuite.Events;
using LambdaSuite.Events.Http;

namespace SesFeedback.Http;

/// <summary>
/// Reads an ALB, REST API (v1) or HTTP API (v2) event once, as the format the shared detector found, keeping the
/// raw method and path. An event whose content is wrong (a body flagged base64 that does not decode, no method) is a
/// client error answered 400 in the caller's format, not an invocation error (which API Gateway would turn into a
/// 502).
/// </summary>
internal static class HttpEventReader
{
    /// <summary>Reads an event as the HTTP format <paramref name="kind"/> the shared detector found.</summary>
    public static HttpRead Read(ReadOnlySpan<byte> json, HttpEventKind kind)
    {
        try
        {
            return kind switch
            {
                HttpEventKind.Alb or HttpEventKind.AlbMultiValue => FromAlb(kind, JsonSerializer.Deserialize(json, HttpEventJsonContext.Default.AlbRequest)),
                HttpEventKind.ApiGatewayV1 => FromV1(kind, JsonSerializer.Deserialize(json, HttpEventJsonContext.Default.ApiGatewayProxyRequest)),
                _ => FromV2(kind, JsonSerializer.Deserialize(json, HttpEventJsonContext.Default.ApiGatewayHttpApiRequest)),
            };
        }
        catch (JsonException)
        {
            return Bad(kind, "The request is not a well-formed HTTP event.");
        }
        catch (InvalidEventException e)
        {
            // The shared parser's sentences: a body flagged base64 that is not, a missing method or path.
            return Bad(kind, e.Message);
        }
    }

    private static HttpRead FromAlb(HttpEventKind kind, AlbRequest? alb) =>
        alb is null ? Bad(kind, "The HTTP event is empty.") : new(kind, HttpEventParser.FromAlb(alb), alb.HttpMethod ?? "", alb.Path ?? "", null);

    private static HttpRead FromV1(HttpEventKind kind, ApiGatewayProxyRequest? v1) =>
        v1 is null
            ? Bad(kind, "The HTTP event is empty.")
            : new(kind, HttpEventParser.FromApiGatewayV1(v1), v1.HttpMethod ?? v1.RequestContext?.HttpMethod ?? "", v1.Path ?? v1.RequestContext?.Path ?? "", null);

    /// <summary>An HTTP API on a named stage puts the stage in rawPath; routes are matched without it.</summary>
    private static HttpRead FromV2(HttpEventKind kind, ApiGatewayHttpApiRequest? v2)
    {
        if (v2 is null)
        {
            return Bad(kind, "The HTTP event is empty.");
        }

        var path = v2.RawPath ?? v2.RequestContext?.Http?.Path ?? "";
        var stage = v2.RequestContext?.Stage;
        if (stage is { Length: > 0 } and not "$default" && path.StartsWith($"/{stage}/", StringComparison.Ordinal))
        {
            path = path[(stage.Length + 1)..];
        }

        return new(kind, HttpEventParser.FromApiGatewayV2(v2), v2.RequestContext?.Http?.Method ?? "", path, null);
    }

    private static HttpRead Bad(HttpEventKind kind, string error) => new(kind, null, "", "", error);
}

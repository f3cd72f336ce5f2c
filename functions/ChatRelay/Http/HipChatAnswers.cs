using System.Globalization;
using System.Text.Json;
using ChatRelay.Json;
using LambdaSuite.Events.Http;

namespace ChatRelay.Http;

/// <summary>The answers HipChat's clients expect: 204, 201 with id and timestamp, and HipChat's error JSON; none is cached or sniffed.</summary>
internal static class HipChatAnswers
{
    public static HttpResponse NoContent() => Secured(HttpResponse.Status(204));

    public static HttpResponse Created(string id, DateTimeOffset at) =>
        Secured(HttpResponse.Json(201, JsonSerializer.SerializeToUtf8Bytes(
            new HipChatMessageCreated(id, at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture)),
            ChatRelayJsonContext.Default.HipChatMessageCreated)));

    /// <summary>An error in HipChat's shape; <paramref name="message"/> is the relay's own sentence, never request text.</summary>
    public static HttpResponse Error(int status, string message) =>
        Secured(HttpResponse.Json(status, JsonSerializer.SerializeToUtf8Bytes(
            new HipChatErrorBody(new HipChatError(status, message, TypeOf(status))),
            ChatRelayJsonContext.Default.HipChatErrorBody)));

    public static HttpResponse NotFound() => Error(404, "No such resource: the relay serves POST /v2/room/{id_or_name}/notification and /message.");

    public static HttpResponse MethodNotAllowed()
    {
        var response = Error(405, "This resource takes POST only.");
        response.Headers.Set("Allow", "POST");
        return response;
    }

    public static HttpResponse Unreadable() => Error(400, "The HTTP request could not be read.");

    public static HttpResponse InternalError() => Error(500, "The message could not be relayed because of an internal error.");

    public static HttpResponse RetryLater(int status, string message, TimeSpan retryAfter)
    {
        var response = Error(status, message);
        response.Headers.Set("Retry-After", Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        return response;
    }

    private static string TypeOf(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Internal Server Error",
    };

    private static HttpResponse Secured(HttpResponse response)
    {
        response.Headers.Set("Cache-Control", "no-store");
        response.Headers.Set("X-Content-Type-Options", "nosniff");
        return response;
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LambdaSuite.Harness.Slack;

/// <summary>
/// A loopback stand-in for Slack's Web API, for the tests, the demo and by-hand runs of ChatRelay: it serves
/// <c>POST {base}chat.postMessage</c> as Slack does (HTTP 200 with <c>ok</c>, or 429 with Retry-After), checks
/// <c>Authorization: Bearer &lt;bot token&gt;</c> (<c>invalid_auth</c> / <c>not_authed</c> otherwise) and the JSON
/// body's shape (a <c>channel</c> string; <c>text</c> or <c>attachments</c>; attachments an array of objects),
/// and records what it accepted per channel. Faults are queued on demand: the next requests answer 429 or an
/// <c>ok:false</c> error in the order queued. <see cref="ApiBase"/> is what <c>SLACK_API_URL</c> takes.
/// </summary>
public sealed class SlackStubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _botToken;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _faults = new();
    private readonly ConcurrentQueue<SlackStubPost> _posts = new();
    private long _requests;
    private long _sequence;

    private SlackStubServer(WebApplication app, Uri endpoint, string botToken)
    {
        _app = app;
        _botToken = botToken;
        ApiBase = new Uri(endpoint, "api/");
    }

    /// <summary>Slack's Web API base on this stub (<c>http://127.0.0.1:PORT/api/</c>).</summary>
    public Uri ApiBase { get; }

    /// <summary>Every request that reached chat.postMessage, accepted or not.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The accepted posts, in arrival order.</summary>
    public IReadOnlyList<SlackStubPost> Posts => [.. _posts];

    public static async Task<SlackStubServer> StartAsync(string botToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(botToken);
        SlackStubServer? stub = null;
        var (app, endpoint) = await LoopbackServer.StartAsync(context => stub!.HandleAsync(context), cancellationToken).ConfigureAwait(false);
        stub = new SlackStubServer(app, endpoint, botToken);
        return stub;
    }

    /// <summary>The accepted posts to <paramref name="channel"/>, in arrival order.</summary>
    public IReadOnlyList<SlackStubPost> PostsTo(string channel) => [.. _posts.Where(p => p.Channel == channel)];

    /// <summary>The next request answers HTTP 429 with <c>Retry-After: seconds</c> (Slack's rate limit).</summary>
    public void QueueRateLimit(int retryAfterSeconds) => _faults.Enqueue(async context =>
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await WriteAsync(context, "{\"ok\":false,\"error\":\"ratelimited\"}").ConfigureAwait(false);
    });

    /// <summary>The next request answers HTTP 200 with <c>{"ok":false,"error":error}</c> (e.g. channel_not_found).</summary>
    public void QueueError(string error) => _faults.Enqueue(context => WriteAsync(context, Answer(false, error)));

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Path != "/api/chat.postMessage")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await WriteAsync(context, Answer(false, "unknown_method")).ConfigureAwait(false);
            return;
        }

        Interlocked.Increment(ref _requests);
        if (request.Method != HttpMethods.Post)
        {
            await WriteAsync(context, Answer(false, "invalid_request")).ConfigureAwait(false);
            return;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
        {
            await WriteAsync(context, Answer(false, "not_authed")).ConfigureAwait(false);
            return;
        }

        if (authorization != "Bearer " + _botToken)
        {
            await WriteAsync(context, Answer(false, "invalid_auth")).ConfigureAwait(false);
            return;
        }

        if (_faults.TryDequeue(out var fault))
        {
            await fault(context).ConfigureAwait(false);
            return;
        }

        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            // Slack reads JSON bodies only with this content type; anything else lacks the channel it needs.
            await WriteAsync(context, Answer(false, "invalid_arguments")).ConfigureAwait(false);
            return;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var post = Read(json);
        if (post is null)
        {
            await WriteAsync(context, Answer(false, "invalid_arguments")).ConfigureAwait(false);
            return;
        }

        _posts.Enqueue(post);
        await WriteAsync(context, $"{{\"ok\":true,\"channel\":{JsonSerializer.Serialize(post.Channel, HarnessSlackJson.Default.String)},\"ts\":\"{post.Ts}\"}}").ConfigureAwait(false);
    }

    /// <summary>The post, or null when the body is not chat.postMessage's shape.</summary>
    private SlackStubPost? Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("channel", out var channel) || channel.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(channel.GetString()))
            {
                return null;
            }

            var text = root.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            string? color = null, footer = null;
            if (root.TryGetProperty("attachments", out var attachments))
            {
                if (attachments.ValueKind != JsonValueKind.Array || attachments.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.Object))
                {
                    return null;
                }

                if (attachments.GetArrayLength() > 0)
                {
                    var first = attachments[0];
                    color = first.TryGetProperty("color", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                    footer = first.TryGetProperty("footer", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                }
            }
            else if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            var sequence = Interlocked.Increment(ref _sequence);
            var ts = string.Create(CultureInfo.InvariantCulture, $"{1_800_000_000 + sequence}.{sequence:D6}");
            return new SlackStubPost(channel.GetString()!, text ?? string.Empty, color, footer, ts, json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Answer(bool ok, string error) =>
        ok ? "{\"ok\":true}" : $"{{\"ok\":false,\"error\":\"{error}\"}}";

    private static Task WriteAsync(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }
}

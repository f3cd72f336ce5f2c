using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ChatRelay.Json;

namespace ChatRelay.Slack;

/// <summary>
/// chat.postMessage over a plain <see cref="HttpClient"/> (Slack has no SDK among the packages these machines reach,
/// and the call is one JSON POST): <c>Authorization: Bearer</c> with the bot token, the JSON body, one attempt.
/// Slack answers 200 with <c>ok:false</c> for refusals and 429 with Retry-After for rate limits; both are results,
/// not exceptions, so the relay's one retry loop decides (STYLE 17).
/// </summary>
internal sealed class SlackClient(HttpClient http, Uri apiBase) : ISlackClient
{
    public const string PostMessageMethod = "chat.postMessage";

    /// <summary>When Slack's 429 carries no Retry-After: Slack's documented minimum wait for its rate tiers.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public async Task<SlackPostResult> PostMessageAsync(string botToken, SlackPostMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(botToken);
        ArgumentNullException.ThrowIfNull(message);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, PostMessageMethod))
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(message, ChatRelayJsonContext.Default.SlackPostMessage)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", botToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            // The request never left: safe to give the idempotency claim back.
            return new SlackPostResult(SlackPostOutcome.Unavailable, Error: "connection_failed");
        }
        catch (HttpRequestException)
        {
            return new SlackPostResult(SlackPostOutcome.Unknown, Error: "connection_lost");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SlackPostResult(SlackPostOutcome.Unknown, Error: "timeout");
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return new SlackPostResult(SlackPostOutcome.RateLimited, Error: "ratelimited", RetryAfter: RetryAfter(response));
            }

            if (!response.IsSuccessStatusCode)
            {
                return new SlackPostResult(SlackPostOutcome.Unavailable, Error: "http_" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }

            SlackPostResponse? answer;
            try
            {
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                answer = JsonSerializer.Deserialize(body, ChatRelayJsonContext.Default.SlackPostResponse);
            }
            catch (JsonException)
            {
                answer = null;
            }

            return answer switch
            {
                { Ok: true, Ts: { Length: > 0 } ts } => new SlackPostResult(SlackPostOutcome.Posted, Ts: ts),
                // ok without ts: Slack posted but the answer is odd; report it posted so nothing is sent twice.
                { Ok: true } => new SlackPostResult(SlackPostOutcome.Posted, Ts: "unknown"),
                { Ok: false } refused => new SlackPostResult(SlackPostOutcome.Refused, Error: SafeError(refused.Error)),
                null => new SlackPostResult(SlackPostOutcome.Unknown, Error: "unreadable_answer"),
            };
        }
    }

    /// <summary>Slack's error strings are short snake_case codes; anything else is not passed on verbatim.</summary>
    public static string SafeError(string? error) =>
        !string.IsNullOrEmpty(error) && error.Length <= 64 && error.All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_')
            ? error
            : "unknown_error";

    private static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta && delta > TimeSpan.Zero)
            {
                return delta;
            }

            if (header.Date is { } date && date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero)
            {
                return wait;
            }
        }

        return DefaultRetryAfter;
    }
}

using ChatRelay.Input;
using ChatRelay.Relay;
using ChatRelay.Slack;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Events.Http;
using LambdaSuite.Runtime;

namespace ChatRelay.Http;

/// <summary>
/// The HipChat v2 door, for ALB and API Gateway alike: <c>POST /v2/room/{id_or_name}/notification</c> and
/// <c>/message</c>, matched on the trailing segments so a stage prefix does not matter. Order of checks, as HipChat:
/// the route (404, or 405 for another method), the token (401: missing or not on the allowlist), the token's rooms
/// (403), the room's mapping (404), the body (400/415), then Slack. A token is looked up by its hash and never
/// logged; nothing from the body is echoed in an answer.
/// </summary>
internal sealed class HipChatHttpApi(IChatRelayStore store, SlackRelay relay, TimeProvider time, Func<int, int> pick)
{
    /// <summary>Longer than any HipChat token (40 characters); longer input is refused before hashing.</summary>
    public const int MaxTokenLength = 256;

    public async Task<HttpResponse> HandleAsync(HttpRequest request, string requestId, DateTimeOffset deadline, ILambdaLogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(logger);
        if (!TryRoute(request.PathSegments, out var route, out var roomSegment))
        {
            return HipChatAnswers.NotFound();
        }

        if (request.Method != "POST")
        {
            return HipChatAnswers.MethodNotAllowed();
        }

        var token = TokenOf(request);
        if (token is null)
        {
            return HipChatAnswers.Error(401, "Authentication required: send the token as 'Authorization: Bearer TOKEN' or '?auth_token=TOKEN'.");
        }

        var hash = ChatTokenHash.Of(token);
        var allowed = await store.GetTokenAsync(hash, cancellationToken).ConfigureAwait(false);
        if (allowed is null || !ChatTokenHash.Matches(allowed.Hash, hash))
        {
            return HipChatAnswers.Error(401, "Invalid OAuth session: the token is not on this relay's allowlist.");
        }

        if (!ChatRoomKey.TryNormalise(roomSegment, out var roomKey) || !allowed.Rooms.Contains(roomKey))
        {
            return HipChatAnswers.Error(403, "This token may not post to this room.");
        }

        var room = await store.GetRoomAsync(roomKey, cancellationToken).ConfigureAwait(false);
        if (room is null)
        {
            return HipChatAnswers.Error(404, "Room not found: it is not mapped to a Slack channel.");
        }

        HipChatRequest parsed;
        try
        {
            parsed = HipChatRequestParser.Parse(route, request.ContentType, request.Body.Span, pick);
        }
        catch (HipChatInputException refused)
        {
            return HipChatAnswers.Error(refused.StatusCode, refused.Message);
        }

        var message = SlackMessages.ForHipChat(route, parsed, room, allowed.Label);
        var key = IdempotencyKey.Of([hash, roomKey, route.ToString(), requestId], request.Body.Span);
        RelayResult result;
        try
        {
            result = await relay.SendAsync(message, key, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (SlackConfigurationException notConfigured)
        {
            logger.Log(LambdaLogLevel.Error, "slack bot token unavailable", [new("error", notConfigured.Message)]);
            return HipChatAnswers.Error(503, "The relay cannot reach Slack: its bot token is not available. The operator has been told in the function's log.");
        }

        logger.Log(
            result.Delivered ? LambdaLogLevel.Information : LambdaLogLevel.Warning,
            "relay " + result.Outcome,
            [new("room", roomKey), new("channel", room.Channel), new("token", ChatTokenHash.Prefix(hash)), new("slackError", result.Error), new("ts", result.Ts)]);
        return result.Outcome switch
        {
            RelayOutcome.Posted or RelayOutcome.Duplicate => route == HipChatRoute.Notification
                ? HipChatAnswers.NoContent()
                : HipChatAnswers.Created(MessageId(key), time.GetUtcNow()),
            RelayOutcome.RateLimited => HipChatAnswers.RetryLater(503, "Slack is rate limiting this channel and the wait would outlast this request; retry later.", result.RetryAfter ?? SlackClient.DefaultRetryAfter),
            RelayOutcome.Refused => HipChatAnswers.Error(502, $"Slack refused the message: {result.Error}."),
            RelayOutcome.Unavailable => HipChatAnswers.Error(502, $"Slack could not be reached ({result.Error}); retry later."),
            _ => HipChatAnswers.Error(504, "Slack did not answer in time; the message may have been posted, and a retry of this request will not post it twice."),
        };
    }

    /// <summary><c>…/v2/room/{id_or_name}/notification|message</c>; the room segment arrives percent-decoded.</summary>
    public static bool TryRoute(IReadOnlyList<string> segments, out HipChatRoute route, out string room)
    {
        ArgumentNullException.ThrowIfNull(segments);
        route = HipChatRoute.Notification;
        room = string.Empty;
        if (segments.Count < 4 || segments[^4] != "v2" || segments[^3] != "room")
        {
            return false;
        }

        switch (segments[^1])
        {
            case "notification": route = HipChatRoute.Notification; break;
            case "message": route = HipChatRoute.Message; break;
            default: return false;
        }

        room = segments[^2];
        return true;
    }

    /// <summary>The token from <c>Authorization: Bearer</c> (preferred) or <c>?auth_token=</c>; null when neither holds one.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? token = null;
        if (request.Headers["authorization"] is { } authorization)
        {
            var space = authorization.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && authorization[..space].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                token = authorization[(space + 1)..].Trim();
            }
        }

        if (string.IsNullOrEmpty(token))
        {
            token = request.Query["auth_token"]?.Trim();
        }

        return string.IsNullOrEmpty(token) || token.Length > MaxTokenLength ? null : token;
    }

    /// <summary>A UUID made from the idempotency key, so a repeated delivery answers with the same id.</summary>
    private static string MessageId(string key) =>
        new Guid(Convert.FromHexString(key.AsSpan(0, 32))).ToString("D");
}

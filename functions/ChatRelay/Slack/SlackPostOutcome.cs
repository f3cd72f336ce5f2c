namespace ChatRelay.Slack;

/// <summary>How one chat.postMessage attempt ended.</summary>
internal enum SlackPostOutcome
{
    /// <summary><c>ok: true</c>; <see cref="SlackPostResult.Ts"/> is set.</summary>
    Posted,

    /// <summary>HTTP 429; <see cref="SlackPostResult.RetryAfter"/> is Slack's Retry-After.</summary>
    RateLimited,

    /// <summary><c>ok: false</c>; <see cref="SlackPostResult.Error"/> is Slack's error string. Nothing was posted.</summary>
    Refused,

    /// <summary>No answer (connection refused, 5xx): nothing was posted as far as Slack says.</summary>
    Unavailable,

    /// <summary>The request may have reached Slack but no answer came in time: it may or may not have posted.</summary>
    Unknown,
}

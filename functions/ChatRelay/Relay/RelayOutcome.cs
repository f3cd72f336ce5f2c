namespace ChatRelay.Relay;

/// <summary>How a relayed post ended, as the HTTP and alert doors answer it.</summary>
internal enum RelayOutcome
{
    /// <summary>Slack took it now.</summary>
    Posted,

    /// <summary>An earlier delivery of the same request holds the idempotency key: not posted again.</summary>
    Duplicate,

    /// <summary>Slack's 429 lasted past what the invocation's deadline allows.</summary>
    RateLimited,

    /// <summary>Slack answered <c>ok:false</c>.</summary>
    Refused,

    /// <summary>Slack could not be reached or answered 5xx; nothing posted.</summary>
    Unavailable,

    /// <summary>Slack may have posted (no answer in time); the key stays claimed so a retry does not post twice.</summary>
    Unknown,
}

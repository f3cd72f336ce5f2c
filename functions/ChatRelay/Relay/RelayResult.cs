namespace ChatRelay.Relay;

/// <summary>A relayed post's outcome with Slack's <c>ts</c>, Slack's error code or its Retry-After.</summary>
internal sealed record RelayResult(RelayOutcome Outcome, string? Ts = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public bool Delivered => Outcome is RelayOutcome.Posted or RelayOutcome.Duplicate;
}

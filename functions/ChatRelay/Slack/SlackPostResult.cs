namespace ChatRelay.Slack;

/// <summary>One chat.postMessage attempt's result.</summary>
internal sealed record SlackPostResult(SlackPostOutcome Outcome, string? Ts = null, string? Error = null, TimeSpan? RetryAfter = null);

namespace ChatRelay.Slack;

/// <summary>The chat.postMessage body the relay sends (Slack Web API, JSON, snake_case names).</summary>
internal sealed record SlackPostMessage
{
    public required string Channel { get; init; }

    /// <summary>mrkdwn, already escaped (<see cref="SlackText"/>); the mention, when allowed, is the relay's own prefix.</summary>
    public required string Text { get; init; }

    public IReadOnlyList<SlackAttachment>? Attachments { get; init; }

    /// <summary>Off: a relayed link should not grow a preview nobody asked for in HipChat.</summary>
    public bool UnfurlLinks { get; init; }
}

namespace ChatRelay.Slack;

/// <summary>The part of Slack's chat.postMessage answer the relay reads.</summary>
internal sealed record SlackPostResponse
{
    public bool Ok { get; init; }

    public string? Ts { get; init; }

    public string? Channel { get; init; }

    public string? Error { get; init; }
}

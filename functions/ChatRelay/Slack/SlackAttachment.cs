namespace ChatRelay.Slack;

/// <summary>A chat.postMessage attachment: the relay uses it for the colour bar and the sender label.</summary>
internal sealed record SlackAttachment
{
    /// <summary>Hex colour of the bar (<c>#rrggbb</c>).</summary>
    public required string Color { get; init; }

    /// <summary>Plain text shown where attachments cannot be drawn.</summary>
    public required string Fallback { get; init; }

    /// <summary>The sender label (HipChat's <c>from</c>) or the alert's source.</summary>
    public string? Footer { get; init; }
}

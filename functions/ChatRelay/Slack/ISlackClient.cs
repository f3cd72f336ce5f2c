namespace ChatRelay.Slack;

/// <summary>Slack's Web API as the relay uses it: one chat.postMessage attempt; the caller owns the retry.</summary>
internal interface ISlackClient
{
    Task<SlackPostResult> PostMessageAsync(string botToken, SlackPostMessage message, CancellationToken cancellationToken);
}

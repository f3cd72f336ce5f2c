namespace ChatRelay.Slack;

/// <summary>Where the Slack bot token comes from: read once per container, forgotten when Slack says it is no longer good.</summary>
internal interface ISlackBotTokenSource
{
    /// <summary>The token; throws <see cref="SlackConfigurationException"/> when it cannot be had.</summary>
    Task<string> GetAsync(CancellationToken cancellationToken);

    /// <summary>Drops the cached token (after Slack's invalid_auth or token_revoked), so the next call reads the secret again.</summary>
    void Forget();
}

using ChatRelay.Slack;

namespace ChatRelay.Tests.Support;

/// <summary>A bot token source that hands out one token and counts how often it was told to forget it.</summary>
public sealed class FixedBotToken(string token) : ISlackBotTokenSource
{
    public int Forgotten { get; private set; }

    public Task<string> GetAsync(CancellationToken cancellationToken) => Task.FromResult(token);

    public void Forget() => Forgotten++;
}

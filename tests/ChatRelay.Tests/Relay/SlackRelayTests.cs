using ChatRelay.Relay;
using ChatRelay.Slack;
using ChatRelay.Tests.Support;

namespace ChatRelay.Tests.Relay;

/// <summary>The relay's claim rule for outcomes the Slack stub cannot easily produce: a lost answer keeps the key, a failed connection gives it back.</summary>
public sealed class SlackRelayTests
{
    private static readonly SlackPostMessage s_message = new() { Channel = "C0X", Text = "x" };

    private sealed class ScriptedSlack(params SlackPostResult[] results) : ISlackClient
    {
        private int _next;

        public int Calls => _next;

        public Task<SlackPostResult> PostMessageAsync(string botToken, SlackPostMessage message, CancellationToken cancellationToken) =>
            Task.FromResult(results[_next++]);
    }

    [Fact]
    public async Task SendAsync_AnswerLost_KeyKeptSoARetryDoesNotPost()
    {
        var store = new InMemoryChatRelayStore();
        var slack = new ScriptedSlack(new SlackPostResult(SlackPostOutcome.Unknown, Error: "timeout"));
        var relay = new SlackRelay(slack, new FixedBotToken("xoxb-t"), store, TimeProvider.System);

        var first = await relay.SendAsync(s_message, "k", DateTimeOffset.UtcNow.AddMinutes(1), default);
        var retry = await relay.SendAsync(s_message, "k", DateTimeOffset.UtcNow.AddMinutes(1), default);

        Assert.Equal((RelayOutcome.Unknown, RelayOutcome.Duplicate), (first.Outcome, retry.Outcome));
        Assert.Equal(1, slack.Calls);
    }

    [Fact]
    public async Task SendAsync_ConnectionFailed_KeyGivenBackAndRetryPosts()
    {
        var store = new InMemoryChatRelayStore();
        var slack = new ScriptedSlack(new SlackPostResult(SlackPostOutcome.Unavailable, Error: "connection_failed"), new SlackPostResult(SlackPostOutcome.Posted, Ts: "1.2"));
        var relay = new SlackRelay(slack, new FixedBotToken("xoxb-t"), store, TimeProvider.System);

        var first = await relay.SendAsync(s_message, "k", DateTimeOffset.UtcNow.AddMinutes(1), default);
        var retry = await relay.SendAsync(s_message, "k", DateTimeOffset.UtcNow.AddMinutes(1), default);

        Assert.Equal((RelayOutcome.Unavailable, RelayOutcome.Posted, "1.2"), (first.Outcome, retry.Outcome, store.Sent["k"]));
    }

    [Fact]
    public async Task SendAsync_RateLimitedFiveTimes_GivesUpAfterMaxAttempts()
    {
        var limited = new SlackPostResult(SlackPostOutcome.RateLimited, Error: "ratelimited", RetryAfter: TimeSpan.FromMilliseconds(10));
        var slack = new ScriptedSlack(limited, limited, limited, limited, limited, limited);
        var relay = new SlackRelay(slack, new FixedBotToken("xoxb-t"), new InMemoryChatRelayStore(), TimeProvider.System);

        var result = await relay.SendAsync(s_message, "k", DateTimeOffset.UtcNow.AddMinutes(1), default);

        Assert.Equal((RelayOutcome.RateLimited, SlackRelay.MaxAttempts), (result.Outcome, slack.Calls));
    }
}

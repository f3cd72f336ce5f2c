using ChatRelay.Slack;

namespace ChatRelay.Tests.Slack;

public sealed class SecretStringTokenTests
{
    [Theory]
    [InlineData("xoxb-1-2-abc", "xoxb-1-2-abc")]
    [InlineData("  xoxb-1-2-abc\n", "xoxb-1-2-abc")]
    [InlineData("{\"token\":\"xoxb-json-token\"}", "xoxb-json-token")]
    [InlineData("{\"team\":\"T1\",\"token\":\"xoxb-second\"}", "xoxb-second")]
    [InlineData("{\"bot\":\"xoxb-wrong-member\"}", null)]
    [InlineData("{not json", null)]
    [InlineData("two words", null)]
    [InlineData("", null)]
    public void TokenFrom_SecretString_TheTokenOrNothingUsable(string secret, string? expected)
    {
        var token = SecretsManagerSlackBotTokenSource.TokenFrom(secret);

        Assert.Equal(expected, token);
    }

    [Fact]
    public async Task GetAsync_NoSecretConfigured_SentenceNamingTheVariable()
    {
        var source = new SecretsManagerSlackBotTokenSource(null, null);

        var error = await Assert.ThrowsAsync<SlackConfigurationException>(() => source.GetAsync(CancellationToken.None));

        Assert.StartsWith("SLACK_BOT_TOKEN_SECRET_ARN is not set", error.Message, StringComparison.Ordinal);
    }
}

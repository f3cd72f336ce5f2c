namespace ChatRelay.Tests;

public sealed class ChatRelaySettingsTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) => name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Read_NothingSet_DefaultsThatStartWithoutSlack()
    {
        var settings = ChatRelaySettings.Read(Env());

        Assert.Equal(("chatRelay", (string?)null, (string?)null, "https://slack.com/api/", (string?)null), (settings.TableName, settings.SlackBotTokenSecretArn, settings.SlackBotTokenSecretRegion, settings.SlackApiUrl.ToString(), settings.AlertChannel));
    }

    [Fact]
    public void Read_EverythingSet_RegionFromTheArnAndSlashAddedToTheBase()
    {
        var settings = ChatRelaySettings.Read(Env(
            ("CHAT_RELAY_TABLE", "chat-prod"),
            ("SLACK_BOT_TOKEN_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:chat/slack-AbCdEf"),
            ("SLACK_API_URL", "http://127.0.0.1:8123/api"),
            ("ALERT_CHANNEL", "C0ALERTS01")));

        Assert.Equal(("chat-prod", "eu-west-1", "http://127.0.0.1:8123/api/", "C0ALERTS01"), (settings.TableName, settings.SlackBotTokenSecretRegion, settings.SlackApiUrl.ToString(), settings.AlertChannel));
    }

    [Theory]
    [InlineData("SLACK_API_URL", "http://slack.example/api/", "plain http only on this machine")]
    [InlineData("SLACK_API_URL", "not a url", "must be an https URL")]
    [InlineData("ALERT_CHANNEL", "#alerts", "must be a Slack channel id")]
    [InlineData("SLACK_BOT_TOKEN_SECRET_ARN", "xoxb-not-an-arn", "must be a Secrets Manager secret ARN")]
    public void Read_BadValue_SentenceNamingTheVariable(string variable, string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ChatRelaySettings.Read(Env((variable, value))));

        Assert.StartsWith(variable, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

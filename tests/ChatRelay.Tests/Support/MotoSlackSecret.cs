using LambdaSuite.TestKit.Moto;

namespace ChatRelay.Tests.Support;

/// <summary>A Slack bot token secret made in the tests' moto by boto3 (an outside client), so the function reads what someone else wrote.</summary>
public static class MotoSlackSecret
{
    private const string CreateScript = """
        client = boto3.client("secretsmanager")
        print(client.create_secret(Name=os.environ["ARG_name"], SecretString=os.environ["ARG_value"])["ARN"])
        """;

    /// <summary>Creates a secret holding <paramref name="secretString"/>; returns its ARN.</summary>
    public static async Task<string> CreateAsync(string secretString) =>
        (await Boto3.RunAsync(CreateScript, ("name", "chat-relay/slack-bot-token-" + Guid.NewGuid().ToString("N")), ("value", secretString))).Trim();
}

using System.Text;
using System.Text.Json;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Data.Tables;
using LambdaSuite.Demo;
using LambdaSuite.Harness.Slack;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Moto;

namespace Cli.Tests.Functions;

/// <summary>
/// ChatRelay through its real Native AOT bootstrap (published by <c>./suite package</c>) under a local Runtime API:
/// ALB events in both header modes, its table in DynamoDB Local, the bot token in a secret boto3 made in moto, and
/// Slack the loopback stub, which checks the bot token and chat.postMessage's shape.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ChatRelayBootstrapTests : IAsyncLifetime
{
    private const string HipChatToken = "hc-bootstrap-0123456789abcdefghijABCDEFGHIJ";
    private const string BotToken = "xoxb-bootstrap-5555-relay";
    private const string Channel = "C0BOOTSTRP";
    private SlackStubServer _stub = null!;
    private PackagedFunction _function = null!;

    public async Task InitializeAsync()
    {
        _stub = await SlackStubServer.StartAsync(BotToken);
        var arn = (await Boto3.RunAsync(
            "print(boto3.client('secretsmanager').create_secret(Name=os.environ['ARG_name'], SecretString=os.environ['ARG_value'])['ARN'])",
            ("name", "chat-relay/bootstrap-" + Guid.NewGuid().ToString("N")),
            ("value", BotToken))).Trim();
        var environment = new Dictionary<string, string?>
        {
            ["SLACK_BOT_TOKEN_SECRET_ARN"] = arn,
            ["SLACK_API_URL"] = _stub.ApiBase.ToString(),
            ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = LocalStack.Moto.ToString(),
        };
        _function = await PackagedFunction.StartAsync("ChatRelay", TableCatalog.ChatRelay, environment);
        var store = new ChatRelayStore(_function.DynamoDb, _function.Table);
        await store.PutTokenAsync(new ChatToken(ChatTokenHash.Of(HipChatToken), new HashSet<string> { "deploys" }, "bootstrap", DateTimeOffset.UtcNow));
        await store.PutRoomAsync(new ChatRoom("deploys", Channel, AllowMention: true, From: null));
    }

    public async Task DisposeAsync()
    {
        if (_function is not null)
        {
            await _function.DisposeAsync();
        }
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task Bootstrap_AlbSingleValueJsonNotification_204InHeadersAndPostedWithMention()
    {
        var answer = await InvokeAsync("alb-notification-json.json");

        Assert.Equal((204, "headers"), (answer.Status, answer.HeaderMode));
        var post = Assert.Single(_stub.PostsTo(Channel));
        Assert.Equal("<!channel> Deploy *finished* &amp; verified", post.Text);
        Assert.Equal(("#2eb67d", "CI"), (post.Color, post.Footer));
    }

    [Fact]
    public async Task Bootstrap_AlbMultiValueFormWithQueryToken_204InMultiValueHeadersAndRetriedDeliveryNotPostedTwice()
    {
        var first = await InvokeAsync("alb-multivalue-form-query-token.json");
        var again = await InvokeAsync("alb-multivalue-form-query-token.json");

        Assert.Equal((204, "multiValueHeaders"), (first.Status, first.HeaderMode));
        Assert.Equal(204, again.Status);
        var post = Assert.Single(_stub.PostsTo(Channel));
        Assert.Equal(("Disk at 91%", "#e01e5a"), (post.Text, post.Color));
    }

    [Fact]
    public async Task Bootstrap_AlbMultiValueUnknownToken_401HipChatErrorAndTokenNeverLogged()
    {
        var answer = await InvokeAsync("alb-multivalue-bad-token.json");

        Assert.Equal((401, "multiValueHeaders"), (answer.Status, answer.HeaderMode));
        Assert.Equal("Unauthorized", JsonDocument.Parse(answer.Body).RootElement.GetProperty("error").GetProperty("type").GetString());
        Assert.Equal(0, _stub.Requests);
        Assert.NotEmpty(_function.Logs);
        Assert.DoesNotContain(_function.Logs, l => l.Contains("hc-not-on-the-allowlist", StringComparison.Ordinal) || l.Contains(BotToken, StringComparison.Ordinal));
    }

    private async Task<DemoAnswer> InvokeAsync(string file)
    {
        var @event = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "ChatRelay", file));
        var outcome = await _function.Session.InvokeAsync(@event, TimeSpan.FromSeconds(30), default);
        Assert.False(outcome.IsError, Encoding.UTF8.GetString(outcome.Body));
        return DemoAnswer.Read(outcome);
    }
}

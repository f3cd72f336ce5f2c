using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Data.Tables;
using LambdaSuite.Demo;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.Harness.Slack;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Dynamo;
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
    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private readonly RepositoryLayout _layout = RepositoryLayout.Discover();
    private readonly List<string> _logs = [];
    private SlackStubServer _stub = null!;
    private string _table = "";
    private BootstrapSession? _session;

    public async Task InitializeAsync()
    {
        _table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.ChatRelay);
        var store = new ChatRelayStore(_dynamoDb, _table);
        await store.PutTokenAsync(new ChatToken(ChatTokenHash.Of(HipChatToken), new HashSet<string> { "deploys" }, "bootstrap", DateTimeOffset.UtcNow));
        await store.PutRoomAsync(new ChatRoom("deploys", Channel, AllowMention: true, From: null));
        _stub = await SlackStubServer.StartAsync(BotToken);
        var arn = (await Boto3.RunAsync(
            "print(boto3.client('secretsmanager').create_secret(Name=os.environ['ARG_name'], SecretString=os.environ['ARG_value'])['ARN'])",
            ("name", "chat-relay/bootstrap-" + Guid.NewGuid().ToString("N")),
            ("value", BotToken))).Trim();
        var environment = new Dictionary<string, string?>
        {
            ["CHAT_RELAY_TABLE"] = _table,
            ["SLACK_BOT_TOKEN_SECRET_ARN"] = arn,
            ["SLACK_API_URL"] = _stub.ApiBase.ToString(),
            ["AWS_ENDPOINT_URL_SECRETS_MANAGER"] = LocalStack.Moto.ToString(),
            ["AWS_LAMBDA_LOG_LEVEL"] = "DEBUG",
        };
        _session = await BootstrapSession.StartAsync(_layout.PackagedBootstrap("ChatRelay"), "ChatRelay", l => { lock (_logs) { _logs.Add(l); } }, default, environment);
    }

    public async Task DisposeAsync()
    {
        if (_session is not null)
        {
            await _session.DisposeAsync();
        }

        await _stub.DisposeAsync();
        await _dynamoDb.DeleteTableAsync(_table);
        _dynamoDb.Dispose();
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
        lock (_logs)
        {
            Assert.NotEmpty(_logs);
            Assert.DoesNotContain(_logs, l => l.Contains("hc-not-on-the-allowlist", StringComparison.Ordinal) || l.Contains(BotToken, StringComparison.Ordinal));
        }
    }

    private async Task<DemoAnswer> InvokeAsync(string file)
    {
        var @event = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "ChatRelay", file));
        var outcome = await _session!.InvokeAsync(@event, TimeSpan.FromSeconds(30), default);
        Assert.False(outcome.IsError, Encoding.UTF8.GetString(outcome.Body));
        return DemoAnswer.Read(outcome);
    }
}

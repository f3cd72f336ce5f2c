using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using ChatRelay.Tests.Support;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness.Slack;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Dynamo;
using LambdaSuite.TestKit.Runtime;

namespace ChatRelay.Tests;

/// <summary>
/// ChatRelay composed by <see cref="ChatRelayFunction.Create(Func{string, string?})"/> from its variables, as Lambda
/// runs it: the table in DynamoDB Local, the bot token read from a secret boto3 made in moto, Slack the loopback stub.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ChatRelayFunctionStackTests : IAsyncLifetime
{
    private const string BotToken = "xoxb-stack-9876-relay";
    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private SlackStubServer _stub = null!;
    private string _table = "";
    private string _secretArn = "";

    public async Task InitializeAsync()
    {
        _table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.ChatRelay);
        _stub = await SlackStubServer.StartAsync(BotToken);
        _secretArn = await MotoSlackSecret.CreateAsync("{\"token\":\"" + BotToken + "\"}");
        var store = new ChatRelayStore(_dynamoDb, _table);
        await store.PutTokenAsync(new ChatToken(ChatTokenHash.Of(RelayRig.Token), new HashSet<string> { "deploys" }, "legacy-ci", DateTimeOffset.UtcNow));
        await store.PutRoomAsync(new ChatRoom("deploys", RelayRig.Channel, false, null));
    }

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        await _dynamoDb.DeleteTableAsync(_table);
        _dynamoDb.Dispose();
    }

    private Func<string, string?> Environment(string? secretArn) => name => name switch
    {
        "CHAT_RELAY_TABLE" => _table,
        "SLACK_BOT_TOKEN_SECRET_ARN" => secretArn,
        "SLACK_API_URL" => _stub.ApiBase.ToString(),
        "ALERT_CHANNEL" => RelayRig.AlertChannel,
        "AWS_ENDPOINT_URL_SECRETS_MANAGER" => LocalStack.Moto.ToString(),
        _ => System.Environment.GetEnvironmentVariable(name),
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Create_AlbNotificationInEitherHeaderMode_PostedWithSecretTokenAndClaimRecorded(bool multiValue)
    {
        var function = ChatRelayFunction.Create(Environment(_secretArn));
        var @event = HipChatEvents.Alb(
            "POST", "/v2/room/deploys/notification", "{\"message\":\"stack <b>ok</b>\",\"color\":\"purple\"}",
            new Dictionary<string, string> { ["authorization"] = "Bearer " + RelayRig.Token, ["content-type"] = "application/json" },
            multiValue: multiValue, traceId: "Root=1-" + Guid.NewGuid().ToString("N"));

        var answer = HipChatEvents.Read(await function.InvokeAsync(@event, new TestLambdaContext()));

        Assert.Equal((204, multiValue ? "multiValueHeaders" : "headers"), (answer.Status, answer.Mode));
        var post = Assert.Single(_stub.PostsTo(RelayRig.Channel));
        Assert.Equal(("stack *ok*", "#8e44ad"), (post.Text, post.Color));
        var sent = await _dynamoDb.ScanAsync(new ScanRequest { TableName = _table, FilterExpression = "begins_with(pk, :p)", ExpressionAttributeValues = new() { [":p"] = new AttributeValue { S = "sent#" } } });
        Assert.Equal(post.Ts, Assert.Single(sent.Items)["slackTs"].S);
    }

    [Fact]
    public async Task Create_SnsAlert_PostedToAlertChannel()
    {
        var function = ChatRelayFunction.Create(Environment(_secretArn));

        var answer = await function.InvokeAsync(SnsEvents.Of(SnsEvents.Sample("dnsmirror-failed.json"), Guid.NewGuid().ToString()), new TestLambdaContext());

        Assert.Equal(1, JsonDocument.Parse(answer).RootElement.GetProperty("posted").GetInt32());
        Assert.StartsWith("*DnsMirror*", Assert.Single(_stub.PostsTo(RelayRig.AlertChannel)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SecretMissing_503NamingNoSecretAndNothingClaimed()
    {
        var function = ChatRelayFunction.Create(Environment("arn:aws:secretsmanager:us-east-1:123456789012:secret:chat-relay/none-AbCdEf"));
        var context = new TestLambdaContext();
        var @event = HipChatEvents.Alb("POST", "/v2/room/deploys/notification", "{\"message\":\"x\"}", new Dictionary<string, string> { ["authorization"] = "Bearer " + RelayRig.Token });

        var answer = HipChatEvents.Read(await function.InvokeAsync(@event, context));

        Assert.Equal(503, answer.Status);
        Assert.Contains(context.Logger.Lines, l => l.Fields.TryGetValue("error", out var e) && e!.Contains("ResourceNotFoundException", StringComparison.Ordinal));
        Assert.Equal(0, _stub.Requests);
        Assert.Empty((await _dynamoDb.ScanAsync(new ScanRequest { TableName = _table, FilterExpression = "begins_with(pk, :p)", ExpressionAttributeValues = new() { [":p"] = new AttributeValue { S = "sent#" } } })).Items);
    }
}

using System.Text.Json;
using ChatRelay.Tests.Support;
using LambdaSuite.TestKit.Runtime;

namespace ChatRelay.Tests.Http;

/// <summary>
/// The HipChat v2 door end to end in process: HipChat request samples (TestData/HipChat) through ALB and HTTP API
/// events, the in-memory table, and the loopback Slack stub that checks the bot token and chat.postMessage's shape.
/// </summary>
public sealed class HipChatHttpApiTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string> s_json = new() { ["content-type"] = "application/json" };
    private RelayRig _rig = null!;

    public async Task InitializeAsync() => _rig = await RelayRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private static Dictionary<string, string> Bearer(string token, string contentType = "application/json") =>
        new() { ["authorization"] = "Bearer " + token, ["content-type"] = contentType };

    [Fact]
    public async Task Notification_JsonHtmlWithBearer_204AndPostedAsMrkdwnWithColourAndMention()
    {
        var @event = HipChatEvents.Alb("POST", "/v2/room/deploys/notification", HipChatEvents.Sample("notification-html.json"), Bearer(RelayRig.Token));

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal((204, ""), (answer.Status, answer.Body));
        var post = Assert.Single(_rig.Stub.PostsTo(RelayRig.Channel));
        Assert.Equal("<!channel> Deploy *finished*: <https://ci.example/build/42?x=1&amp;y=2|build 42> &amp; all _tests_ passed", post.Text);
        Assert.Equal(("#2eb67d", "CI"), (post.Color, post.Footer));
    }

    [Fact]
    public async Task Notification_FormTextWithQueryToken_204AndTextEscapedSoNoInjectedMention()
    {
        var @event = HipChatEvents.Alb(
            "POST", "/v2/room/deploys/notification", HipChatEvents.Sample("notification-text.form"),
            new Dictionary<string, string> { ["content-type"] = "application/x-www-form-urlencoded" },
            new Dictionary<string, string> { ["auth_token"] = RelayRig.Token },
            multiValue: true);

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal((204, "multiValueHeaders"), (answer.Status, answer.Mode));
        var post = Assert.Single(_rig.Stub.PostsTo(RelayRig.Channel));
        Assert.Equal("<!channel> Disk usage at 91% on db-1 &lt;!channel&gt;", post.Text);
        Assert.Equal(("#e01e5a", "monitor"), (post.Color, post.Footer));
    }

    [Fact]
    public async Task Notification_NotifyInRoomWithoutMentionRight_PostedWithoutMention()
    {
        await _rig.Store.PutRoomAsync(new("deploys", RelayRig.Channel, AllowMention: false, From: null));
        var @event = HipChatEvents.Alb("POST", "/v2/room/deploys/notification", HipChatEvents.Sample("notification-html.json"), Bearer(RelayRig.Token));

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal(204, answer.Status);
        Assert.DoesNotContain("<!channel>", Assert.Single(_rig.Stub.Posts).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notification_CardFieldsAndDefaults_SkippedAndYellowWithTokenLabel()
    {
        var @event = HipChatEvents.HttpApi("POST", "/v2/room/deploys/notification", HipChatEvents.Sample("notification-card.json"), Bearer(RelayRig.Token));

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal((204, "headers"), (answer.Status, answer.Mode));
        var post = Assert.Single(_rig.Stub.Posts);
        Assert.Equal(("Build 43 failed", "#e01e5a", "legacy-ci"), (post.Text, post.Color, post.Footer));
    }

    [Fact]
    public async Task Message_JsonThroughHttpApi_201WithIdAndTimestampAndPlainText()
    {
        var @event = HipChatEvents.HttpApi("POST", "/v2/room/DEPLOYS/message", HipChatEvents.Sample("message.json"), Bearer(RelayRig.Token));

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal(201, answer.Status);
        using var body = JsonDocument.Parse(answer.Body);
        Assert.True(Guid.TryParse(body.RootElement.GetProperty("id").GetString(), out _));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$", body.RootElement.GetProperty("timestamp").GetString());
        var post = Assert.Single(_rig.Stub.Posts);
        Assert.Equal("*legacy-ci*: Release 4.2 is out: see the notes &amp; the changelog", post.Text);
        Assert.Null(post.Color);
    }

    [Fact]
    public async Task Notification_PercentEncodedRoomName_NormalisedToTheMappedRoom()
    {
        await _rig.Store.PutRoomAsync(new("ops room", "C0OPSROOM1", false, "ops"));
        var @event = HipChatEvents.Alb("POST", "/v2/room/Ops%20Room/notification", "{\"message\":\"hello ops\",\"message_format\":\"text\"}", Bearer(RelayRig.Token));

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal(204, answer.Status);
        Assert.Equal(("hello ops", "ops"), (Assert.Single(_rig.Stub.PostsTo("C0OPSROOM1")).Text, _rig.Stub.PostsTo("C0OPSROOM1")[0].Footer));
    }

    [Theory]
    [InlineData(null, 401, "Authentication required")]
    [InlineData("hc-not-on-the-list-000000000000000000000", 401, "Invalid OAuth session")]
    public async Task Notification_MissingOrUnknownToken_401InHipChatsErrorShape(string? token, int status, string start)
    {
        var headers = token is null ? s_json : Bearer(token);
        var @event = HipChatEvents.Alb("POST", "/v2/room/deploys/notification", "{\"message\":\"x\"}", headers);

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal(status, answer.Status);
        var error = JsonDocument.Parse(answer.Body).RootElement.GetProperty("error");
        Assert.Equal((status, "Unauthorized"), (error.GetProperty("code").GetInt32(), error.GetProperty("type").GetString()));
        Assert.StartsWith(start, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _rig.Stub.Requests);
    }

    [Fact]
    public async Task Notification_RoomNotAllowedForToken_403()
    {
        var @event = HipChatEvents.Alb("POST", "/v2/room/finance/notification", "{\"message\":\"x\"}", Bearer(RelayRig.Token));

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal((403, "Forbidden"), (answer.Status, JsonDocument.Parse(answer.Body).RootElement.GetProperty("error").GetProperty("type").GetString()));
        Assert.Equal(0, _rig.Stub.Requests);
    }

    [Fact]
    public async Task Notification_AllowedRoomNotMapped_404RoomNotFound()
    {
        var @event = HipChatEvents.Alb("POST", "/v2/room/ops%20room/notification", "{\"message\":\"x\"}", Bearer(RelayRig.Token));

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal(404, answer.Status);
        Assert.StartsWith("Room not found", JsonDocument.Parse(answer.Body).RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notification", 10_001, "between 1 and 10,000")]
    [InlineData("message", 1_001, "between 1 and 1,000")]
    public async Task Send_OversizedMessage_400NamingTheLimitAndNothingPosted(string resource, int length, string _)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["message"] = new string('x', length) });
        var @event = HipChatEvents.Alb("POST", $"/v2/room/deploys/{resource}", body, Bearer(RelayRig.Token));

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal(400, answer.Status);
        var message = JsonDocument.Parse(answer.Body).RootElement.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains(length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), message, StringComparison.Ordinal);
        Assert.DoesNotContain("xxxx", answer.Body, StringComparison.Ordinal);
        Assert.Empty(_rig.Stub.Posts);
    }

    [Fact]
    public async Task Notification_BodyWithMarkupAndBadColour_400WithoutEchoingTheBody()
    {
        var @event = HipChatEvents.Alb("POST", "/v2/room/deploys/notification", "{\"message\":\"<script>alert(1)</script>\",\"color\":\"<blink>\"}", Bearer(RelayRig.Token));

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal(400, answer.Status);
        Assert.DoesNotContain("<", answer.Body, StringComparison.Ordinal);
        Assert.Contains("'color'", JsonDocument.Parse(answer.Body).RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notification_GetInsteadOfPost_405WithAllow()
    {
        var @event = HipChatEvents.Alb("GET", "/v2/room/deploys/notification", null, Bearer(RelayRig.Token));

        var answer = await _rig.InvokeAsync(@event);

        Assert.Equal((405, "POST"), (answer.Status, answer.Headers["Allow"]));
    }

    [Theory]
    [InlineData("/v2/room/deploys/history")]
    [InlineData("/v2/room/deploys")]
    [InlineData("/v1/rooms/message")]
    [InlineData("/")]
    public async Task Request_UnknownRoute_404(string path)
    {
        var answer = await _rig.InvokeAsync(HipChatEvents.Alb("POST", path, "{\"message\":\"x\"}", Bearer(RelayRig.Token)));

        Assert.Equal((404, "Not Found"), (answer.Status, JsonDocument.Parse(answer.Body).RootElement.GetProperty("error").GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Notification_SameRequestDeliveredTwice_PostedOnceAndBothAnswered204()
    {
        var @event = HipChatEvents.Alb("POST", "/v2/room/deploys/notification", HipChatEvents.Sample("notification-html.json"), Bearer(RelayRig.Token));

        var first = await _rig.InvokeAsync(@event);
        var second = await _rig.InvokeAsync(@event);
        var otherRequest = await _rig.InvokeAsync(HipChatEvents.Alb("POST", "/v2/room/deploys/notification", HipChatEvents.Sample("notification-html.json"), Bearer(RelayRig.Token), traceId: "Root=1-67891233-000000000000000000000002"));

        Assert.Equal((204, 204, 204), (first.Status, second.Status, otherRequest.Status));
        Assert.Equal(2, _rig.Stub.PostsTo(RelayRig.Channel).Count);
    }

    [Fact]
    public async Task Notification_SlackRateLimitsWithinDeadline_WaitsRetryAfterAndPostsOnce()
    {
        _rig.Stub.QueueRateLimit(1);
        var started = DateTimeOffset.UtcNow;

        var answer = await _rig.InvokeAsync(HipChatEvents.Alb("POST", "/v2/room/deploys/notification", "{\"message\":\"after the wait\"}", Bearer(RelayRig.Token)));

        Assert.Equal(204, answer.Status);
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9));
        Assert.Equal((2L, 1), (_rig.Stub.Requests, _rig.Stub.Posts.Count));
    }

    [Fact]
    public async Task Notification_SlackRateLimitPastDeadline_503WithRetryAfterAndClaimReleased()
    {
        _rig.Stub.QueueRateLimit(30);
        var context = new TestLambdaContext { Deadline = DateTimeOffset.UtcNow.AddSeconds(5) };

        var answer = await _rig.InvokeAsync(HipChatEvents.Alb("POST", "/v2/room/deploys/notification", "{\"message\":\"too busy\"}", Bearer(RelayRig.Token)), context);

        Assert.Equal((503, "30"), (answer.Status, answer.Headers["Retry-After"]));
        Assert.Equal(1L, _rig.Stub.Requests);
        Assert.Empty(_rig.Store.Sent);
    }

    [Fact]
    public async Task Notification_SlackOkFalse_502WithSlacksErrorAndRetryMayPost()
    {
        _rig.Stub.QueueError("channel_not_found");
        var @event = HipChatEvents.Alb("POST", "/v2/room/deploys/notification", "{\"message\":\"lost\"}", Bearer(RelayRig.Token));

        var refused = await _rig.InvokeAsync(@event);
        var retried = await _rig.InvokeAsync(@event);

        Assert.Equal(502, refused.Status);
        Assert.Equal("Slack refused the message: channel_not_found.", JsonDocument.Parse(refused.Body).RootElement.GetProperty("error").GetProperty("message").GetString());
        Assert.Equal(204, retried.Status);
        Assert.Single(_rig.Stub.Posts);
    }

    [Fact]
    public async Task Notification_StubRefusesBotToken_502InvalidAuthAndTokenForgotten()
    {
        await using var wrongToken = await LambdaSuite.Harness.Slack.SlackStubServer.StartAsync("xoxb-some-other-token");
        using var http = new HttpClient();
        var relay = new ChatRelay.Relay.SlackRelay(new ChatRelay.Slack.SlackClient(http, wrongToken.ApiBase), _rig.BotTokenSource, _rig.Store, TimeProvider.System);
        var api = new ChatRelay.Http.HipChatHttpApi(_rig.Store, relay, TimeProvider.System, _ => 0);
        var function = new ChatRelayFunction(api, new ChatRelay.Alerts.AlertHandler(relay, null));

        var answer = HipChatEvents.Read(await function.InvokeAsync(HipChatEvents.Alb("POST", "/v2/room/deploys/notification", "{\"message\":\"x\"}", Bearer(RelayRig.Token)), new TestLambdaContext()));

        Assert.Equal(502, answer.Status);
        Assert.Contains("invalid_auth", answer.Body, StringComparison.Ordinal);
        Assert.Equal(1, _rig.BotTokenSource.Forgotten);
        Assert.Empty(wrongToken.Posts);
    }

    [Fact]
    public async Task Requests_WithTokenInHeaderOrQuery_TokenNeverInLogsOrAnswers()
    {
        var context = new TestLambdaContext();
        var answers = new List<string>();

        foreach (var @event in new[]
        {
            HipChatEvents.Alb("POST", "/v2/room/deploys/notification", "{\"message\":\"ok\"}", Bearer(RelayRig.Token)),
            HipChatEvents.Alb("POST", "/v2/room/finance/notification", "{\"message\":\"no\"}", s_json, new Dictionary<string, string> { ["auth_token"] = RelayRig.Token }),
            HipChatEvents.Alb("POST", "/v2/room/deploys/notification", "{\"message\":", Bearer(RelayRig.Token)),
        })
        {
            answers.Add((await _rig.InvokeAsync(@event, context)).Body);
        }

        var logged = string.Join("\n", context.Logger.Lines.Select(l => l.Message + " " + string.Join(" ", l.Fields.Select(f => f.Key + "=" + f.Value))));
        Assert.NotEmpty(context.Logger.Lines);
        Assert.DoesNotContain(RelayRig.Token, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(RelayRig.BotToken, logged, StringComparison.Ordinal);
        Assert.All(answers, a => Assert.DoesNotContain(RelayRig.Token, a, StringComparison.Ordinal));
        Assert.Contains(context.Logger.Lines, l => l.Fields.TryGetValue("token", out var prefix) && prefix == LambdaSuite.Data.ChatRelay.ChatTokenHash.Prefix(LambdaSuite.Data.ChatRelay.ChatTokenHash.Of(RelayRig.Token)));
    }
}

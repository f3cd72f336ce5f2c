using System.Diagnostics;
using System.Globalization;
using LambdaSuite.Data;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Moto;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.Harness.Slack;

namespace LambdaSuite.Demo;

/// <summary>
/// ChatRelay's scene: the Slack stub started with a bot token, the token put into moto's Secrets Manager, a HipChat
/// token allowed into room <c>ops</c> and the room mapped to a channel (a throwaway table), the packaged bootstrap
/// behind a loopback ALB front (<see cref="AlbFrontServer"/>), and a legacy <c>curl</c> to the HipChat v2 path that
/// must land in the stub's channel (and one with a wrong token that must not). Then
/// <see cref="ChatRelayAlertScene"/>: a DnsMirror failure through the suite's alert topic into the alert channel.
/// </summary>
public static class ChatRelayDemo
{
    public const string Room = "ops";
    public const string RoomChannel = "C0DEMOOPS";
    public const string AlertChannel = "C0DEMOALERTS";

    private const string CreateSecretScript = """
        sm = boto3.client('secretsmanager')
        print(sm.create_secret(Name=os.environ['ARG_name'], SecretString=os.environ['ARG_value'])['ARN'])
        """;

    public static async Task<int> RunAsync(RepositoryLayout layout, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("\n== ChatRelay: a legacy HipChat curl --> ALB front --> bootstrap --> Slack stub, and a DnsMirror failure alert --> SNS --> Slack").ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        var run = Guid.NewGuid().ToString("N")[..12];
        var botToken = "xoxb-demo-" + Guid.NewGuid().ToString("N");
        var hipChatToken = "demo" + Guid.NewGuid().ToString("N")[..24];
        await using var slack = await SlackStubServer.StartAsync(botToken, ct).ConfigureAwait(false);
        var secretArn = (await Boto3Runner.RunAsync(CreateSecretScript, [("name", "chat-relay-demo-" + run), ("value", botToken)], cancellationToken: ct).ConfigureAwait(false)).Trim();
        await output.WriteLineAsync($"  Slack stub    {slack.ApiBase} (checks the bot token); bot token put in moto's Secrets Manager as {secretArn}").ConfigureAwait(false);

        using var dynamoDb = DynamoDbClientFactory.Create(Environment.GetEnvironmentVariable);
        var table = $"{TableCatalog.ChatRelay.LogicalName}-demo-{run}";
        await new TableProvisioner(dynamoDb, TimeProvider.System).EnsureAsync(TableCatalog.ChatRelay, table, ct).ConfigureAwait(false);
        try
        {
            var store = new ChatRelayStore(dynamoDb, table);
            var hash = ChatTokenHash.Of(hipChatToken);
            await store.PutTokenAsync(new ChatToken(hash, new HashSet<string>(StringComparer.Ordinal) { ChatRoomKey.Normalise(Room) }, "demo caller", DateTimeOffset.UtcNow), ct).ConfigureAwait(false);
            await store.PutRoomAsync(new ChatRoom(ChatRoomKey.Normalise(Room), RoomChannel, AllowMention: true, From: null), ct).ConfigureAwait(false);
            await output.WriteLineAsync($"  table {table}: token {ChatTokenHash.Prefix(hash)}… (stored hashed) allowed in room '{Room}', room '{Room}' -> channel {RoomChannel}").ConfigureAwait(false);

            var variables = new Dictionary<string, string?>
            {
                [TableCatalog.ChatRelay.EnvironmentVariable] = table,
                ["SLACK_BOT_TOKEN_SECRET_ARN"] = secretArn,
                ["SLACK_API_URL"] = slack.ApiBase.ToString(),
                ["ALERT_CHANNEL"] = AlertChannel,
            };
            await using var session = await BootstrapSession.StartAsync(layout.PackagedBootstrap("ChatRelay"), "ChatRelay", onLogLine: null, ct, variables).ConfigureAwait(false);
            await using var front = await AlbFrontServer.StartAsync(session, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
            await output.WriteLineAsync($"  ALB front     {front.Endpoint} -> the packaged ChatRelay bootstrap (ALB events, single-value headers)").ConfigureAwait(false);

            const string Body = """{"message":"Deploy <b>#42</b> of <a href=\"https://ci.example/42\">billing</a> finished","message_format":"html","color":"green","notify":true,"from":"ci"}""";
            var url = new Uri(front.Endpoint, $"v2/room/{Room}/notification");
            var posted = await CurlAsync(output, url, hipChatToken, Body, ct).ConfigureAwait(false);
            var refused = await CurlAsync(output, url, "not-a-token", Body, ct).ConfigureAwait(false);
            var landed = slack.PostsTo(RoomChannel);
            foreach (var post in landed)
            {
                await output.WriteLineAsync($"  Slack #{post.Channel}: \"{post.Text}\" (attachment colour {post.Color ?? "none"})").ConfigureAwait(false);
            }

            var hipChatOk = posted == 204 && refused == 401 && landed.Count == 1 && landed[0].Text.Contains("*#42*", StringComparison.Ordinal);
            await output.WriteLineAsync(hipChatOk
                ? "  HipChat door: the legacy call landed once in the channel; the wrong token was refused with 401 and posted nothing."
                : $"  HipChat door: expected 204 then 401 and one post with *#42* in {RoomChannel}, got {posted}, {refused} and {landed.Count} post(s).").ConfigureAwait(false);

            var alertOk = await ChatRelayAlertScene.RunAsync(layout, output, session, slack, run, ct).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ChatRelay: {(hipChatOk && alertOk ? "both doors delivered" : "the scene did not behave as expected")} ({watch.ElapsedMilliseconds} ms).")).ConfigureAwait(false);
            return hipChatOk && alertOk ? 0 : 1;
        }
        finally
        {
            await dynamoDb.DeleteTableAsync(table, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Runs curl as a legacy HipChat caller would; prints the command (token masked) and the status line; returns the status.</summary>
    private static async Task<int> CurlAsync(TextWriter output, Uri url, string token, string body, CancellationToken ct)
    {
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", $"{url}?auth_token={token}", "-H", "Content-Type: application/json", "-d", body })
        {
            start.ArgumentList.Add(argument);
        }

        await output.WriteLineAsync($"  $ curl -X POST '{url}?auth_token={Mask(token)}' -H 'Content-Type: application/json' -d '{body}'").ConfigureAwait(false);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("curl did not start.");
        var stdout = await process.StandardOutput.ReadToEndAsync(ct).ConfigureAwait(false);
        var stderr = await process.StandardError.ReadToEndAsync(ct).ConfigureAwait(false);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var status = int.TryParse(stdout.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;
        await output.WriteLineAsync($"    HTTP {status}{(stderr.Length > 0 ? " " + stderr.Trim() : "")}").ConfigureAwait(false);
        return status;
    }

    private static string Mask(string token) => token.Length <= 4 ? "****" : token[..4] + new string('*', token.Length - 4);
}

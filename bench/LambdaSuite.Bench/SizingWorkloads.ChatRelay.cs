using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LambdaSuite.Data.ChatRelay;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness.Moto;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.Harness.Slack;

namespace LambdaSuite.Bench;

/// <summary>
/// ChatRelay's workload: a burst as legacy callers and the alert topic send it, every request a legal one that posts
/// (own table with a token allowed in two rooms, the bot token in moto's Secrets Manager, Slack the harness's stub):
/// HipChat notifications in JSON and form bodies through the ALB, messages through the HTTP API, alerts through SNS,
/// and the longest messages the relay takes: a 10,000-character HTML notification (links, lists, code, entities, some
/// multi-byte text; about 11.5 KiB of JSON) and a 10,000-character form notification of two-byte letters, each
/// percent-encoded (about 56 KiB of the 64 KiB body limit). Every answer must be a success and every request must
/// reach Slack exactly once, or the run is not a measurement.
/// </summary>
internal sealed partial class SizingWorkloads
{
    private const string ChatBotToken = "xoxb-sizing-0000-relay";
    private const string ChatDeploysChannel = "C0SIZEDEPLOY";
    private const string ChatOpsChannel = "C0SIZEOPS";
    private const string ChatAlertChannel = "C0SIZEALERT";
    private const int ChatRounds = 40;

    private const string CreateChatSecretScript = """
        print(boto3.client('secretsmanager').create_secret(Name=os.environ['ARG_name'], SecretString=os.environ['ARG_value'])['ARN'])
        """;

    private async Task<SizingWorkload> ChatRelayAsync(CancellationToken cancellationToken)
    {
        var hipChatToken = "hc-sizing-" + Guid.NewGuid().ToString("N");
        var (variables, dropTable) = await OwnTableAsync(TableCatalog.ChatRelay, cancellationToken).ConfigureAwait(false);
        var store = new ChatRelayStore(dynamoDb, variables[TableCatalog.ChatRelay.EnvironmentVariable]!);
        await store.PutTokenAsync(new ChatToken(ChatTokenHash.Of(hipChatToken), new HashSet<string>(StringComparer.Ordinal) { "deploys", "ops" }, "sizing", DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
        await store.PutRoomAsync(new ChatRoom("deploys", ChatDeploysChannel, AllowMention: true, From: "CI"), cancellationToken).ConfigureAwait(false);
        await store.PutRoomAsync(new ChatRoom("ops", ChatOpsChannel, AllowMention: false, From: null), cancellationToken).ConfigureAwait(false);
        var slack = await SlackStubServer.StartAsync(ChatBotToken, cancellationToken).ConfigureAwait(false);
        var secretArn = await Boto3Runner.RunAsync(CreateChatSecretScript, [("name", "chat-relay-sizing-" + Guid.NewGuid().ToString("N")), ("value", ChatBotToken)], cancellationToken: cancellationToken).ConfigureAwait(false);
        variables["SLACK_BOT_TOKEN_SECRET_ARN"] = secretArn;
        variables["SLACK_API_URL"] = slack.ApiBase.ToString();
        variables["ALERT_CHANNEL"] = ChatAlertChannel;

        var events = new List<byte[]>();
        for (var round = 0; round < ChatRounds; round++)
        {
            events.Add(ChatAlbEvent("deploys", "notification", "application/json", ChatJsonBody(round), hipChatToken, inQuery: false, round, 0));
            events.Add(ChatAlbEvent("ops", "notification", "application/x-www-form-urlencoded", $"message=Disk+at+{round}%25+on+db-{round}&message_format=text&color=red&notify=true", hipChatToken, inQuery: true, round, 1));
            events.Add(ChatHttpApiEvent("deploys", "message", ChatJsonMessage(round), hipChatToken));
            events.Add(ChatAlbEvent("deploys", "notification", "application/json", ChatLargestHtmlBody(round), hipChatToken, inQuery: false, round, 2));
            events.Add(ChatAlbEvent("ops", "notification", "application/x-www-form-urlencoded", ChatLargestFormBody(round), hipChatToken, inQuery: true, round, 3));
            events.Add(ChatSnsEvent(round));
        }

        var largest = events.Max(e => e.Length) / 1024.0;
        return new SizingWorkload("ChatRelay", string.Create(CultureInfo.InvariantCulture, $"{ChatRounds} rounds x (2 JSON + 2 form notifications incl. the largest 10,000-character bodies, 1 message, 1 alert) to the Slack stub; events up to {largest:0} KiB"), variables, events, async () =>
        {
            await slack.DisposeAsync().ConfigureAwait(false);
            await dropTable().ConfigureAwait(false);
        })
        {
            AnswerProblem = ChatAnswerProblem,
            RunProblem = () => slack.Posts.Count == events.Count ? null : $"{events.Count} requests reached Slack {slack.Posts.Count} time(s), not once each.",
        };
    }

    /// <summary>An HTTP answer that is not a success (or an alert the relay did not take) spoils the run.</summary>
    internal static string? ChatAnswerProblem(byte[] answer)
    {
        if (answer.Length == 0)
        {
            return null;
        }

        using var document = JsonDocument.Parse(answer);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("statusCode", out var status)
            && status.GetInt32() is < 200 or > 299
            ? $"HTTP {status.GetInt32()}: {(document.RootElement.TryGetProperty("body", out var body) ? body.GetString() : "")}"
            : null;
    }

    private static string ChatJsonBody(int round) =>
        $$"""{"message":"Deploy <b>#{{round}}</b> of <a href=\"https://ci.example/build/{{round}}?x=1&amp;y=2\">billing</a> finished &amp; <i>all</i> tests passed","message_format":"html","color":"green","notify":true,"from":"CI"}""";

    private static string ChatJsonMessage(int round) =>
        "{\"message\":" + JsonString(ChatText(1_000, round)) + ",\"from\":\"ops-bot\"}";

    /// <summary>Exactly 10,000 characters of HTML (links, lists, code, entities, some multi-byte text), as JSON.</summary>
    internal static string ChatLargestHtmlBody(int round)
    {
        var html = new StringBuilder();
        var item = 0;
        while (true)
        {
            var chunk = $"<p>🚀 Déploiement <b>#{round}.{item}</b> de <a href=\"https://ci.example/b/{item}\">façade</a> &amp; <i>größe</i>: <code>ok ✅</code></p><ul><li>étape {item}</li><li>naïve 日本</li></ul>";
            if (CountRunes(html.ToString()) + CountRunes(chunk) > 10_000)
            {
                break;
            }

            html.Append(chunk);
            item++;
        }

        html.Append('é', 10_000 - CountRunes(html.ToString()));
        var body = $$"""{"message":{{JsonString(html.ToString())}},"message_format":"html","color":"purple","notify":true,"from":"release-train"}""";
        return Encoding.UTF8.GetByteCount(body) <= 64 * 1024 ? body : throw new InvalidOperationException("The largest HTML notification outgrew ChatRelay's 64 KiB body limit.");
    }

    /// <summary>10,000 characters, two-byte letters with a space every twelfth, percent-encoded as form fields: close to the 64 KiB limit.</summary>
    internal static string ChatLargestFormBody(int round)
    {
        const string Letters = "éèêëàâäôöûüçñåø";
        var text = new StringBuilder(10_000);
        for (var i = 0; text.Length < 9_999; i++)
        {
            text.Append(i % 12 == 11 ? ' ' : Letters[(i + round) % Letters.Length]);
        }

        var body = "message=" + Uri.EscapeDataString(text.Append('.').ToString()) + "&message_format=text&color=yellow";
        return Encoding.UTF8.GetByteCount(body) <= 64 * 1024 ? body : throw new InvalidOperationException("The largest form notification outgrew ChatRelay's 64 KiB body limit.");
    }

    private static string ChatText(int characters, int round)
    {
        var text = new StringBuilder(characters);
        var words = new[] { "Überprüfung", "réplication", "dépôt", "ÉTÉ", "naïveté", round.ToString(CultureInfo.InvariantCulture) };
        for (var i = 0; text.Length < characters; i++)
        {
            text.Append(words[i % words.Length]).Append(' ');
        }

        return text.ToString(0, characters - 1) + ".";
    }

    /// <summary>A JSON string as a legacy caller writes it: non-ASCII text as UTF-8, not <c>\u</c> escapes.</summary>
    private static string JsonString(string text) => "\"" + JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";

    private static int CountRunes(string text) => text.EnumerateRunes().Count();

    private static byte[] ChatAlbEvent(string room, string resource, string contentType, string body, string token, bool inQuery, int round, int slot)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("content-type", contentType),
            new("host", "hipchat.internal"),
            new("x-amzn-trace-id", string.Create(CultureInfo.InvariantCulture, $"Root=1-6751a0b2-{round:D12}{slot:D12}")),
        };
        if (!inQuery)
        {
            headers.Add(new("authorization", "Bearer " + token));
        }

        return AlbFrontServer.EventFor("POST", $"/v2/room/{room}/{resource}", inQuery ? "auth_token=" + token : "", headers, body);
    }

    /// <summary>A HipChat call through the HTTP API (payload 2.0; each event its own request id, so each posts).</summary>
    private static byte[] ChatHttpApiEvent(string room, string resource, string body, string token)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["authorization"] = "Bearer " + token,
            ["content-type"] = "application/json",
        };
        return HttpApiFrontServer.EventFor("POST", $"/v2/room/{room}/{resource}", "", headers, Encoding.UTF8.GetBytes(body), caller: null);
    }

    private static byte[] ChatSnsEvent(int round)
    {
        var message = round % 2 == 0
            ? $$$"""{"source":"DnsMirror","summary":"zone{{{round}}}.example. could not be mirrored","details":{"zone":"zone{{{round}}}.example.","outcome":"Failed","reason":"AXFR refused by 10.0.0.53 <REFUSED> & gave up"}}"""
            : $$$"""{"AlarmName":"ses-complaint-rate-{{{round}}}","NewStateValue":"ALARM","NewStateReason":"Threshold Crossed: 1 datapoint [0.0015] was greater than the threshold (0.001).","Trigger":{"MetricName":"Reputation.ComplaintRate","Namespace":"AWS/SES","Dimensions":[{"name":"Identity","value":"news.example"}]}}""";
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$$$"""{"Records":[{"EventSource":"aws:sns","EventVersion":"1.0","EventSubscriptionArn":"arn:aws:sns:us-east-1:111122223333:suite-alerts:00000000-0000-0000-0000-000000000001","Sns":{"Type":"Notification","MessageId":"{{{{Guid.NewGuid()}}}}","TopicArn":"arn:aws:sns:us-east-1:111122223333:suite-alerts","Subject":"sizing alert {{{{round}}}}","Message":"{{{{JsonEncodedText.Encode(message)}}}}","Timestamp":"2026-12-05T01:05:00.000Z","SignatureVersion":"1","Signature":"","SigningCertUrl":"","UnsubscribeUrl":"","MessageAttributes":{}}}]}"""));
    }
}

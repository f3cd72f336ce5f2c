using System.Text;
using System.Text.Json;
using LambdaSuite.Data;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Moto;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.Harness.Slack;

namespace LambdaSuite.Demo;

/// <summary>
/// The second half of ChatRelay's scene, the suite's alert path as the template wires it: DnsMirror's packaged
/// bootstrap runs a zone whose primary does not answer, with <c>SUITE_ALERT_TOPIC_ARN</c> naming a topic in moto;
/// the alert is read back from an SQS queue subscribed to that topic (SNS envelopes), turned into the SNS event
/// Lambda would deliver to ChatRelay's subscription, and ChatRelay must post it once to the alert channel.
/// </summary>
public static class ChatRelayAlertScene
{
    private const string Zone = "broken.example.";

    public static async Task<bool> RunAsync(RepositoryLayout layout, TextWriter output, BootstrapSession chatRelay, SlackStubServer slack, string run, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(chatRelay);
        ArgumentNullException.ThrowIfNull(slack);
        await output.WriteLineAsync("  -- DnsMirror fails a zone (its primary does not answer) --> suite alert topic (moto SNS) --> SQS --> SNS event --> ChatRelay").ConfigureAwait(false);
        var alerts = await MotoTopicQueue.CreateAsync("suite-alerts-demo-" + run, rawMessageDelivery: false, cancellationToken: ct).ConfigureAwait(false);
        var (topic, queue) = (alerts.TopicArn, alerts.QueueUrl);
        await output.WriteLineAsync($"  alert topic   {topic}, read through queue {queue}").ConfigureAwait(false);

        using var dynamoDb = DynamoDbClientFactory.Create(Environment.GetEnvironmentVariable);
        var table = $"{TableCatalog.DnsMirrorZones.LogicalName}-alert-demo-{run}";
        await new TableProvisioner(dynamoDb, TimeProvider.System).EnsureAsync(TableCatalog.DnsMirrorZones, table, ct).ConfigureAwait(false);
        InvocationOutcome mirrored;
        try
        {
            var variables = new Dictionary<string, string?>
            {
                [TableCatalog.DnsMirrorZones.EnvironmentVariable] = table,
                ["SUITE_ALERT_TOPIC_ARN"] = topic,
                ["DNS_MIRROR_ATTEMPT_TIMEOUT_SECONDS"] = "2",
            };
            await using var dnsMirror = await BootstrapSession.StartAsync(layout.PackagedBootstrap("DnsMirror"), "DnsMirror", onLogLine: null, ct, variables).ConfigureAwait(false);
            // Port 1 on loopback: nobody listens, as with a primary that is down.
            var request = Encoding.UTF8.GetBytes($$"""{"Domain":"{{Zone}}","ZoneId":"Z0DEMOALERT","Masters":["127.0.0.1:1"]}""");
            mirrored = await dnsMirror.InvokeAsync(request, TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
        }
        finally
        {
            await dynamoDb.DeleteTableAsync(table, CancellationToken.None).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"  DnsMirror     {(mirrored.IsError ? "invocation failed, as it must: " + mirrored.Error?.ErrorMessage : "answered without an error (unexpected)")}").ConfigureAwait(false);
        var envelopes = await alerts.DrainAsync(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
        await output.WriteLineAsync($"  queue         {envelopes.Count} alert(s) from the topic").ConfigureAwait(false);
        var delivered = 0;
        foreach (var envelope in envelopes)
        {
            using var message = JsonDocument.Parse(envelope);
            await output.WriteLineAsync($"  alert         {message.RootElement.GetProperty("Message").GetString()}").ConfigureAwait(false);
            var outcome = await chatRelay.InvokeAsync(SnsEvent(message.RootElement, topic), TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
            delivered += outcome.IsError ? 0 : 1;
            await output.WriteLineAsync($"  ChatRelay     {(outcome.IsError ? "error: " + outcome.Error?.ErrorMessage : Encoding.UTF8.GetString(outcome.Body))}").ConfigureAwait(false);
        }

        var posts = slack.PostsTo(ChatRelayDemo.AlertChannel);
        foreach (var post in posts)
        {
            await output.WriteLineAsync($"  Slack #{post.Channel}: \"{post.Text}\" (attachment colour {post.Color ?? "none"})").ConfigureAwait(false);
        }

        var ok = mirrored.IsError && envelopes.Count == 1 && delivered == 1 && posts.Count == 1 && posts[0].Json.Contains(Zone.TrimEnd('.'), StringComparison.Ordinal);
        await output.WriteLineAsync(ok
            ? "  alert path: DnsMirror's failure reached the alert channel once; the run still failed with its reason."
            : $"  alert path: expected a failed run, 1 alert, 1 delivery and 1 post naming {Zone}; got {envelopes.Count} alert(s), {delivered} delivered, {posts.Count} post(s).").ConfigureAwait(false);
        return ok;
    }

    /// <summary>The SNS event Lambda delivers to a subscribed function, around one envelope as SNS sent it to the queue.</summary>
    public static byte[] SnsEvent(JsonElement envelope, string topicArn)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("Records");
            writer.WriteStartObject();
            writer.WriteString("EventSource", "aws:sns");
            writer.WriteString("EventVersion", "1.0");
            writer.WriteString("EventSubscriptionArn", topicArn + ":00000000-0000-0000-0000-00000000demo");
            writer.WritePropertyName("Sns");
            writer.WriteStartObject();
            foreach (var field in envelope.EnumerateObject().Where(f => f.Name != "SigningCertURL" && f.Name != "UnsubscribeURL"))
            {
                field.WriteTo(writer);
            }

            // Lambda's record spells these two with "Url"; the SQS envelope with "URL".
            writer.WriteString("SigningCertUrl", envelope.TryGetProperty("SigningCertURL", out var cert) ? cert.GetString() : "");
            writer.WriteString("UnsubscribeUrl", envelope.TryGetProperty("UnsubscribeURL", out var unsubscribe) ? unsubscribe.GetString() : "");
            if (!envelope.TryGetProperty("MessageAttributes", out _))
            {
                writer.WriteStartObject("MessageAttributes");
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}

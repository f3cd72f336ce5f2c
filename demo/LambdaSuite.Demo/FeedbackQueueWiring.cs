using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Cli;

namespace LambdaSuite.Demo;

/// <summary>
/// The template's <c>SesFeedbackThroughQueue</c> wiring, made for the demo in the stack's moto: an SNS topic, a queue
/// subscribed to it with SNS envelopes (<c>RawMessageDelivery</c> false, as SES → SNS → SQS delivers) and a
/// dead-letter queue behind it. The control-plane calls (CreateTopic, Subscribe, CreateQueue, GetQueueAttributes) are
/// the harness's alone, so they are made here over the shared signed transport rather than added to the shipped clients.
/// </summary>
internal sealed record FeedbackQueueWiring(string TopicArn, string SubscriptionArn, string QueueUrl, string QueueArn, string DeadLetterQueueUrl)
{
    private const string SnsVersion = "2010-03-31";

    /// <param name="maxReceiveCount">Receives before SQS moves a message to the dead-letter queue (the template: 5).</param>
    /// <param name="visibilityTimeoutSeconds">How long a received message stays hidden (the template: 180).</param>
    public static async Task<FeedbackQueueWiring> CreateAsync(AwsClientFactory aws, string name, int maxReceiveCount, int visibilityTimeoutSeconds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(aws);
        var sqs = aws.Http(AwsService.Sqs);
        var sns = aws.Http(AwsService.Sns);
        var deadLetterUrl = await CreateQueueAsync(sqs, name + "-dlq", null, ct).ConfigureAwait(false);
        var redrive = $$"""{"deadLetterTargetArn":"{{await QueueArnAsync(sqs, deadLetterUrl, ct).ConfigureAwait(false)}}","maxReceiveCount":"{{maxReceiveCount}}"}""";
        var queueUrl = await CreateQueueAsync(sqs, name, w =>
        {
            w.WriteString("VisibilityTimeout", visibilityTimeoutSeconds.ToString(CultureInfo.InvariantCulture));
            w.WriteString("RedrivePolicy", redrive);
        }, ct).ConfigureAwait(false);
        var queueArn = await QueueArnAsync(sqs, queueUrl, ct).ConfigureAwait(false);
        var topicArn = await sns.InvokeAsync("CreateTopic", new AwsQueryBuilder("CreateTopic", SnsVersion).Add("Name", name), r => Required(r, "TopicArn"), ct).ConfigureAwait(false);
        var subscriptionArn = await sns.InvokeAsync(
            "Subscribe",
            new AwsQueryBuilder("Subscribe", SnsVersion)
                .Add("TopicArn", topicArn)
                .Add("Protocol", "sqs")
                .Add("Endpoint", queueArn)
                .Add("Attributes.entry.1.key", "RawMessageDelivery")
                .Add("Attributes.entry.1.value", "false")
                .Add("ReturnSubscriptionArn", "true"),
            r => Required(r, "SubscriptionArn"),
            ct).ConfigureAwait(false);
        return new FeedbackQueueWiring(topicArn, subscriptionArn, queueUrl, queueArn, deadLetterUrl);
    }

    /// <summary>Visible plus in-flight messages (SQS's approximate counts, exact on moto).</summary>
    public static async Task<int> CountAsync(AwsClientFactory aws, string queueUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(aws);
        var attributes = await GetAttributesAsync(aws.Http(AwsService.Sqs), queueUrl, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"], ct).ConfigureAwait(false);
        return attributes.EnumerateObject().Sum(a => int.Parse(a.Value.GetString() ?? "0", CultureInfo.InvariantCulture));
    }

    private static async Task<string> CreateQueueAsync(AwsHttp sqs, string name, Action<Utf8JsonWriter>? attributes, CancellationToken ct)
    {
        var body = CliJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("QueueName", name);
            if (attributes is not null)
            {
                w.WriteStartObject("Attributes");
                attributes(w);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        });
        var answer = await SqsAsync(sqs, "CreateQueue", body, ct).ConfigureAwait(false);
        return answer.GetProperty("QueueUrl").GetString() ?? throw new FormatException("CreateQueue answered without a QueueUrl.");
    }

    private static async Task<string> QueueArnAsync(AwsHttp sqs, string queueUrl, CancellationToken ct) =>
        (await GetAttributesAsync(sqs, queueUrl, ["QueueArn"], ct).ConfigureAwait(false)).GetProperty("QueueArn").GetString()
        ?? throw new FormatException("GetQueueAttributes answered without the QueueArn.");

    private static async Task<JsonElement> GetAttributesAsync(AwsHttp sqs, string queueUrl, string[] names, CancellationToken ct)
    {
        var body = CliJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("QueueUrl", queueUrl);
            w.WriteStartArray("AttributeNames");
            foreach (var name in names)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
        return (await SqsAsync(sqs, "GetQueueAttributes", body, ct).ConfigureAwait(false)).GetProperty("Attributes");
    }

    private static Task<JsonElement> SqsAsync(AwsHttp sqs, string operation, string body, CancellationToken ct) =>
        sqs.InvokeRawAsync("AmazonSQS", "1.0", operation, Encoding.UTF8.GetBytes(body), DemoJsonContext.Default.JsonElement, ct);

    private static string Required(System.Xml.Linq.XElement result, string name) =>
        AwsXml.Value(result, name) ?? throw new FormatException($"SNS answered without a {name}.");
}

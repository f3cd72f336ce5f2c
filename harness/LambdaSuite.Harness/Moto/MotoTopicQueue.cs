using System.Globalization;
using System.Text.Json;

namespace LambdaSuite.Harness.Moto;

/// <summary>
/// An SNS topic with an SQS queue subscribed to it, made in the emulator through boto3, and the queue read back (and
/// emptied) through boto3 too: how the tests and the demo see what a function published to a topic (the suite's alert
/// topic) without trusting the in-house clients to judge their own writes. Raw delivery puts the message itself in
/// the queue; otherwise the queue holds SNS envelopes, as Lambda's SNS records carry them. A FIFO pair (names ending
/// <c>.fifo</c>, explicit deduplication ids) keeps each message group's order, with the group read back too.
/// </summary>
public sealed class MotoTopicQueue
{
    private const string CreateScript = """
        sns, sqs = boto3.client('sns'), boto3.client('sqs')
        fifo = os.environ['ARG_fifo'] == 'true'
        suffix = '.fifo' if fifo else ''
        topic_attributes = {'FifoTopic': 'true', 'ContentBasedDeduplication': 'false'} if fifo else {}
        queue_attributes = {'FifoQueue': 'true'} if fifo else {}
        topic = sns.create_topic(Name=os.environ['ARG_name'] + suffix, Attributes=topic_attributes)['TopicArn']
        queue = sqs.create_queue(QueueName=os.environ['ARG_name'] + suffix, Attributes=queue_attributes)['QueueUrl']
        queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
        sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=queue_arn, Attributes={'RawMessageDelivery': os.environ['ARG_raw']})
        print(json.dumps({'topic': topic, 'queue': queue}))
        """;

    /// <summary>Receives and deletes every message; prints the bodies and their group ids (null outside FIFO).</summary>
    private const string DrainScript = """
        sqs = boto3.client('sqs')
        out = []
        while True:
            got = sqs.receive_message(QueueUrl=os.environ['ARG_queue'], MaxNumberOfMessages=10, WaitTimeSeconds=int(os.environ['ARG_wait']), AttributeNames=['MessageGroupId'])
            messages = got.get('Messages', [])
            if not messages:
                break
            for m in messages:
                out.append({'body': m['Body'], 'group': m.get('Attributes', {}).get('MessageGroupId')})
                sqs.delete_message(QueueUrl=os.environ['ARG_queue'], ReceiptHandle=m['ReceiptHandle'])
        print(json.dumps(out))
        """;

    private readonly Action<IDictionary<string, string?>>? _environment;

    private MotoTopicQueue(string topicArn, string queueUrl, Action<IDictionary<string, string?>>? environment)
    {
        TopicArn = topicArn;
        QueueUrl = queueUrl;
        _environment = environment;
    }

    public string TopicArn { get; }

    public string QueueUrl { get; }

    /// <summary>Makes topic and queue named <paramref name="name"/> (plus <c>.fifo</c> when <paramref name="fifo"/>) and subscribes the queue.</summary>
    /// <param name="environment">Changes to boto3's environment (an emulator container's endpoints), kept for <see cref="DrainAsync"/>.</param>
    public static async Task<MotoTopicQueue> CreateAsync(
        string name, bool rawMessageDelivery, Action<IDictionary<string, string?>>? environment = null, CancellationToken cancellationToken = default, bool fifo = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var printed = await Boto3Runner.RunAsync(
            CreateScript, [("name", name), ("raw", rawMessageDelivery ? "true" : "false"), ("fifo", fifo ? "true" : "false")], environment, cancellationToken).ConfigureAwait(false);
        using var created = JsonDocument.Parse(printed);
        return new MotoTopicQueue(created.RootElement.GetProperty("topic").GetString()!, created.RootElement.GetProperty("queue").GetString()!, environment);
    }

    /// <summary>Every message body in the queue, oldest first as SQS hands them out, deleted as read; each receive waits up to <paramref name="wait"/> (whole seconds).</summary>
    public async Task<IReadOnlyList<string>> DrainAsync(TimeSpan wait, CancellationToken cancellationToken = default) =>
        [.. (await DrainMessagesAsync(wait, cancellationToken).ConfigureAwait(false)).Select(m => m.Body)];

    /// <summary>As <see cref="DrainAsync"/>, each body with its message group id (null outside FIFO).</summary>
    public async Task<IReadOnlyList<(string Body, string? Group)>> DrainMessagesAsync(TimeSpan wait, CancellationToken cancellationToken = default)
    {
        var seconds = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        using var drained = JsonDocument.Parse(await Boto3Runner.RunAsync(DrainScript, [("queue", QueueUrl), ("wait", seconds)], _environment, cancellationToken).ConfigureAwait(false));
        return [.. drained.RootElement.EnumerateArray().Select(m => (m.GetProperty("body").GetString()!, m.GetProperty("group").GetString()))];
    }
}

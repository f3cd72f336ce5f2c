using System.Text;
using System.Text.Json;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Harness.Moto;

namespace LambdaSuite.Demo;

/// <summary>
/// The Fanout scene's destinations in moto, made and read back with boto3: an SNS topic with a raw SQS
/// subscription, an SQS FIFO queue, a Firehose delivery stream into S3, an IoT Data topic, and the scene's
/// dead-letter queue. IoT Data publishes are read from moto's request recorder by the harness's one reader
/// (<see cref="MotoRecording"/>, which says why).
/// </summary>
public sealed record FanoutMotoTargets(string TopicArn, string TopicQueueUrl, string FifoQueueUrl, string DeliveryStream, string IotTopic, string DeadLetterUrl)
{
    private const string CreateScript = """
        sns, sqs, s3, firehose = boto3.client('sns'), boto3.client('sqs'), boto3.client('s3'), boto3.client('firehose')
        name = os.environ['ARG_name']
        topic = sns.create_topic(Name=name)['TopicArn']
        queue = sqs.create_queue(QueueName=name)['QueueUrl']
        queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
        sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=queue_arn, Attributes={'RawMessageDelivery': 'true'})
        fifo = sqs.create_queue(QueueName=name + '.fifo', Attributes={'FifoQueue': 'true'})['QueueUrl']
        dead = sqs.create_queue(QueueName=name + '-dead-letter')['QueueUrl']
        s3.create_bucket(Bucket=name)
        firehose.create_delivery_stream(DeliveryStreamName=name, DeliveryStreamType='DirectPut',
            ExtendedS3DestinationConfiguration={'RoleARN': 'arn:aws:iam::123456789012:role/firehose', 'BucketARN': 'arn:aws:s3:::' + name})
        print(json.dumps({'topic': topic, 'queue': queue, 'fifo': fifo, 'dead': dead}))
        """;

    private const string ReadScript = """
        sqs, s3 = boto3.client('sqs'), boto3.client('s3')
        def drain(url):
            out = []
            while True:
                got = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0, AttributeNames=['MessageGroupId'])
                if not got.get('Messages'):
                    return out
                for m in got['Messages']:
                    out.append({'body': m['Body'], 'group': m.get('Attributes', {}).get('MessageGroupId')})
                    sqs.delete_message(QueueUrl=url, ReceiptHandle=m['ReceiptHandle'])
        objects = sorted(s3.list_objects_v2(Bucket=os.environ['ARG_stream']).get('Contents', []), key=lambda o: o['Key'])
        data = b''.join(s3.get_object(Bucket=os.environ['ARG_stream'], Key=o['Key'])['Body'].read() for o in objects)
        print(json.dumps({'sns': [m['body'] for m in drain(os.environ['ARG_queue'])], 'fifo': drain(os.environ['ARG_fifo']),
            'firehose': data.decode().split('\n')[:-1], 'objects': len(objects), 'dead': [m['body'] for m in drain(os.environ['ARG_dead'])]}))
        """;

    public static async Task<FanoutMotoTargets> CreateAsync(string name, CancellationToken ct)
    {
        using var created = JsonDocument.Parse(await Boto3Runner.RunAsync(CreateScript, [("name", name)], cancellationToken: ct).ConfigureAwait(false));
        await MotoRecording.StartAsync(MotoEndpoint(), ct).ConfigureAwait(false);
        var root = created.RootElement;
        return new FanoutMotoTargets(
            root.GetProperty("topic").GetString()!, root.GetProperty("queue").GetString()!, root.GetProperty("fifo").GetString()!, name, $"fanout-demo/{name}", root.GetProperty("dead").GetString()!);
    }

    /// <summary>One mapping row per moto destination, each with the scene's dead-letter queue.</summary>
    public IEnumerable<FanoutTarget> Mappings(string sourceArn) =>
    [
        Row(sourceArn, "to-sns", FanoutTargetType.Sns, TopicArn),
        Row(sourceArn, "to-fifo", FanoutTargetType.Sqs, FifoQueueUrl),
        Row(sourceArn, "to-firehose", FanoutTargetType.Firehose, DeliveryStream) with { AppendNewlines = true },
        Row(sourceArn, "to-iot", FanoutTargetType.Iot, "") with { Topic = IotTopic, Qos = 1 },
    ];

    /// <summary>
    /// Reads every destination back, prints what each holds and adds to <paramref name="wrong"/> what differs from
    /// <paramref name="expected"/> (the good records' texts in batch order; keys before ':'). Returns the dead letters.
    /// </summary>
    public async Task<IReadOnlyList<string>> CheckAsync(TextWriter output, IReadOnlyList<string> expected, List<string> wrong, CancellationToken ct)
    {
        using var read = JsonDocument.Parse(await Boto3Runner.RunAsync(
            ReadScript, [("queue", TopicQueueUrl), ("fifo", FifoQueueUrl), ("stream", DeliveryStream), ("dead", DeadLetterUrl)], cancellationToken: ct).ConfigureAwait(false));
        var root = read.RootElement;
        var fifo = root.GetProperty("fifo").EnumerateArray().Select(m => (Body: m.GetProperty("body").GetString()!, Group: m.GetProperty("group").GetString())).ToList();
        await CompareAsync(output, "SNS topic -> raw SQS subscription", Texts(root, "sns"), expected, wrong).ConfigureAwait(false);
        await CompareAsync(output, "SQS FIFO queue", [.. fifo.Select(m => m.Body)], expected, wrong).ConfigureAwait(false);
        foreach (var key in expected.Select(Key).Distinct())
        {
            if (!fifo.Where(m => m.Group == key).Select(m => m.Body).SequenceEqual(expected.Where(t => Key(t) == key)))
            {
                wrong.Add($"FIFO group {key} is not in the batch's order");
            }
        }

        await CompareAsync(output, $"Firehose -> S3 ({root.GetProperty("objects").GetInt32()} object(s))", Texts(root, "firehose"), expected, wrong).ConfigureAwait(false);
        var iot = await MotoRecording.IotPublishesAsync(MotoEndpoint(), t => t == IotTopic, cancellationToken: ct).ConfigureAwait(false);
        await CompareAsync(output, $"IoT Data topic {IotTopic}", [.. iot.Select(p => Encoding.UTF8.GetString(p.Payload))], expected, wrong).ConfigureAwait(false);
        return Texts(root, "dead");
    }

    private FanoutTarget Row(string sourceArn, string id, FanoutTargetType type, string destination) =>
        new() { SourceArn = sourceArn, Id = id, Type = type, Destination = destination, Active = true, Deaggregate = true, DeadLetter = DeadLetterUrl };

    private static Uri MotoEndpoint() => new(Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_IOT_DATA_PLANE") ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL")
        ?? throw new InvalidOperationException("AWS_ENDPOINT_URL_IOT_DATA_PLANE is not set: load the stack's environment first."));

    private static string Key(string text) => text.Split(':')[0];

    private static List<string> Texts(JsonElement root, string name) => [.. root.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    private static async Task CompareAsync(TextWriter output, string what, List<string> got, IReadOnlyList<string> expected, List<string> wrong)
    {
        var same = got.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal));
        await output.WriteLineAsync($"  {what}: {got.Count} record(s){(same ? ", every good record once" : "")}").ConfigureAwait(false);
        if (!same)
        {
            wrong.Add($"{what} does not hold exactly the {expected.Count} good records");
        }
    }
}

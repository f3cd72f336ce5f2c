using System.Text.Json;
using LambdaSuite.TestKit.Moto;

namespace Cli.Tests.Functions;

/// <summary>
/// Fanout's four moto destinations for one test, made and read back by boto3 (never by the in-house clients the
/// function uses): an SNS topic with a raw SQS subscription, an SQS FIFO queue, a Firehose delivery stream into an
/// S3 bucket, and an IoT Data topic (read through moto's recorder, see <see cref="MotoIotData"/>). Every name
/// carries the test's own run id: moto is one server shared by every test process.
/// </summary>
internal sealed record FanoutMotoDestinations(string TopicArn, string TopicQueueUrl, string FifoQueueUrl, string DeliveryStream, string IotTopic)
{
    private const string CreateScript = """
        sns, sqs, s3, firehose = boto3.client('sns'), boto3.client('sqs'), boto3.client('s3'), boto3.client('firehose')
        name = os.environ['ARG_name']
        topic = sns.create_topic(Name=name)['TopicArn']
        queue = sqs.create_queue(QueueName=name)['QueueUrl']
        queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
        sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=queue_arn, Attributes={'RawMessageDelivery': 'true'})
        fifo = sqs.create_queue(QueueName=name + '.fifo', Attributes={'FifoQueue': 'true', 'ContentBasedDeduplication': 'false'})['QueueUrl']
        s3.create_bucket(Bucket=name)
        firehose.create_delivery_stream(DeliveryStreamName=name, DeliveryStreamType='DirectPut',
            ExtendedS3DestinationConfiguration={'RoleARN': 'arn:aws:iam::123456789012:role/firehose', 'BucketARN': 'arn:aws:s3:::' + name})
        print(json.dumps({'topic': topic, 'queue': queue, 'fifo': fifo}))
        """;

    /// <summary>Drains a queue in the order SQS hands messages out; a body Fanout sent as base64 is decoded by its attribute.</summary>
    private const string DrainScript = """
        sqs = boto3.client('sqs')
        out = []
        while True:
            got = sqs.receive_message(QueueUrl=os.environ['ARG_queue'], MaxNumberOfMessages=10, WaitTimeSeconds=0,
                AttributeNames=['MessageGroupId'], MessageAttributeNames=['All'])
            messages = got.get('Messages', [])
            if not messages:
                break
            for m in messages:
                encoding = m.get('MessageAttributes', {}).get('fanout-encoding', {}).get('StringValue')
                data = base64.b64decode(m['Body']) if encoding == 'base64' else m['Body'].encode('utf-8')
                out.append({'data': base64.b64encode(data).decode(), 'group': m.get('Attributes', {}).get('MessageGroupId')})
                sqs.delete_message(QueueUrl=os.environ['ARG_queue'], ReceiptHandle=m['ReceiptHandle'])
        print(json.dumps(out))
        """;

    /// <summary>Every object of the bucket, concatenated and cut at the newline Fanout appends to each record.</summary>
    private const string BucketScript = """
        s3 = boto3.client('s3')
        data = b''
        for o in sorted(s3.list_objects_v2(Bucket=os.environ['ARG_name']).get('Contents', []), key=lambda o: o['Key']):
            data += s3.get_object(Bucket=os.environ['ARG_name'], Key=o['Key'])['Body'].read()
        print(json.dumps([base64.b64encode(r).decode() for r in data.split(b'\n')[:-1]]))
        """;

    public static async Task<FanoutMotoDestinations> CreateAsync(string name)
    {
        using var created = JsonDocument.Parse(await Boto3.RunAsync(CreateScript, ("name", name)));
        var root = created.RootElement;
        return new FanoutMotoDestinations(
            root.GetProperty("topic").GetString()!, root.GetProperty("queue").GetString()!, root.GetProperty("fifo").GetString()!, name, $"fanout-moto/{name}/records");
    }

    /// <summary>What the topic's subscribed queue received, in SQS's order (a standard queue promises none).</summary>
    public Task<IReadOnlyList<(byte[] Data, string? Group)>> DrainTopicQueueAsync() => DrainAsync(TopicQueueUrl);

    /// <summary>What the FIFO queue received, in its order, with each message's group.</summary>
    public Task<IReadOnlyList<(byte[] Data, string? Group)>> DrainFifoQueueAsync() => DrainAsync(FifoQueueUrl);

    public async Task<IReadOnlyList<byte[]>> ReadBucketRecordsAsync()
    {
        using var read = JsonDocument.Parse(await Boto3.RunAsync(BucketScript, ("name", DeliveryStream)));
        return [.. read.RootElement.EnumerateArray().Select(r => Convert.FromBase64String(r.GetString()!))];
    }

    private static async Task<IReadOnlyList<(byte[] Data, string? Group)>> DrainAsync(string queueUrl)
    {
        using var read = JsonDocument.Parse(await Boto3.RunAsync(DrainScript, ("queue", queueUrl)));
        return [.. read.RootElement.EnumerateArray().Select(m => (Convert.FromBase64String(m.GetProperty("data").GetString()!), m.GetProperty("group").GetString()))];
    }
}

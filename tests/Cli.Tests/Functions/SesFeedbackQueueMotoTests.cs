using System.Text.Json;
using Amazon.DynamoDBv2;
using LambdaSuite.Aws.Http;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.Data.Mailing;
using LambdaSuite.Data.Tables;
using LambdaSuite.TestKit.Dynamo;
using LambdaSuite.TestKit.Moto;

namespace Cli.Tests.Functions;

/// <summary>
/// SesFeedback wired as the template's <c>SesFeedbackThroughQueue</c> option wires it, end to end through moto: the
/// SES notifications of demo/ses are published to an SNS topic, delivered in SNS envelopes to an SQS queue with a
/// dead-letter queue, and read by the local event source mapping, which invokes the packaged AOT bootstrap and
/// deletes only what the function did not report. boto3 sets moto up and judges what is left in the queues.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SesFeedbackQueueMotoTests : IAsyncLifetime
{
    // maxReceiveCount 1 and a 1 s visibility timeout (the template: 5 and 180 s) let one failed receive reach the
    // dead-letter queue within the test.
    private const string WireAndPublishScript = """
        sns, sqs = boto3.client('sns'), boto3.client('sqs')
        name = os.environ['ARG_name']
        def arn(url):
            return sqs.get_queue_attributes(QueueUrl=url, AttributeNames=['QueueArn'])['Attributes']['QueueArn']
        dlq = sqs.create_queue(QueueName=name + '-dlq')['QueueUrl']
        queue = sqs.create_queue(QueueName=name, Attributes={'VisibilityTimeout': '1',
            'RedrivePolicy': json.dumps({'deadLetterTargetArn': arn(dlq), 'maxReceiveCount': '1'})})['QueueUrl']
        topic = sns.create_topic(Name=name)['TopicArn']
        sns.subscribe(TopicArn=topic, Protocol='sqs', Endpoint=arn(queue), Attributes={'RawMessageDelivery': 'false'})
        for message in json.loads(os.environ['ARG_messages']):
            sns.publish(TopicArn=topic, Message=message)
        print(json.dumps({'queue': queue, 'queueArn': arn(queue), 'dlq': dlq, 'topic': topic}))
        """;

    private const string QueueStateScript = """
        sqs = boto3.client('sqs')
        def count(url):
            a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=['All'])['Attributes']
            return int(a['ApproximateNumberOfMessages']) + int(a['ApproximateNumberOfMessagesNotVisible'])
        dead = sqs.receive_message(QueueUrl=os.environ['ARG_dlq'], MaxNumberOfMessages=10, WaitTimeSeconds=0).get('Messages', [])
        print(json.dumps({'queue': count(os.environ['ARG_queue']), 'dead': [m['Body'] for m in dead]}))
        """;

    private readonly IAmazonDynamoDB _dynamoDb = LocalDynamoDb.CreateClient();
    private readonly AwsClientFactory _aws = MotoClientFactory.Create();
    private readonly RepositoryLayout _layout = RepositoryLayout.Discover();
    private string _table = "";

    public async Task InitializeAsync() => _table = await LocalDynamoDb.CreateUniqueTableAsync(_dynamoDb, TableCatalog.Mailing);

    public async Task DisposeAsync()
    {
        await _dynamoDb.DeleteTableAsync(_table);
        _dynamoDb.Dispose();
        _aws.Dispose();
    }

    [Fact]
    public async Task DrainAsync_DemoNotificationsThroughSnsAndSqs_DeletesAllButTheMalformedOneWhichReachesTheDeadLetterQueue()
    {
        var messages = DemoSesMessages();
        var malformed = Assert.Single(messages, m => m.Contains("\"broken\"", StringComparison.Ordinal));
        using var wiring = JsonDocument.Parse(await Boto3.RunAsync(WireAndPublishScript, ("name", $"suite-ses-{Guid.NewGuid():N}"), ("messages", JsonSerializer.Serialize(messages))));
        string Wired(string name) => wiring.RootElement.GetProperty(name).GetString()!;
        var mapping = new SqsEventSourceMapping(_aws.CreateSqs(), Wired("queue"), Wired("queueArn"));
        var environment = new Dictionary<string, string?> { ["MAILING_TABLE"] = _table };
        await using var session = await BootstrapSession.StartAsync(_layout.PackagedBootstrap("SesFeedback"), "SesFeedback", null, default, environment);

        var polls = await mapping.DrainAsync(session, maxPolls: 10, default);
        using var afterFirstPass = JsonDocument.Parse(await Boto3.RunAsync(QueueStateScript, ("queue", Wired("queue")), ("dlq", Wired("dlq"))));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var secondPass = await mapping.DrainAsync(session, maxPolls: 10, default);
        using var afterRedrive = JsonDocument.Parse(await Boto3.RunAsync(QueueStateScript, ("queue", Wired("queue")), ("dlq", Wired("dlq"))));

        Assert.Equal(messages.Count, polls.Sum(p => p.Received.Count));
        Assert.All(polls, p => Assert.InRange(p.Received.Count, 1, 10));
        Assert.All(polls, p => Assert.False(p.Verdict!.WholeBatchFailed, p.Verdict.Reason));
        Assert.All(polls, p => Assert.Empty(p.DeleteFailures));
        var reported = Assert.Single(polls.SelectMany(p => p.Reported));
        Assert.Equal(messages.Count - 1, polls.Sum(p => p.Deleted.Count));
        Assert.DoesNotContain(reported, polls.SelectMany(p => p.Deleted));
        Assert.Equal(1, afterFirstPass.RootElement.GetProperty("queue").GetInt32());
        Assert.Empty(afterFirstPass.RootElement.GetProperty("dead").EnumerateArray());
        Assert.Empty(secondPass);
        Assert.Equal(0, afterRedrive.RootElement.GetProperty("queue").GetInt32());
        using var dead = JsonDocument.Parse(Assert.Single(afterRedrive.RootElement.GetProperty("dead").EnumerateArray()).GetString()!);
        Assert.Equal("Notification", dead.RootElement.GetProperty("Type").GetString());
        Assert.Equal(Wired("topic"), dead.RootElement.GetProperty("TopicArn").GetString());
        Assert.Equal(malformed, dead.RootElement.GetProperty("Message").GetString());
        await AssertMailingStatesAsync();
    }

    /// <summary>The demo's rules, whatever order the standard queue delivered in: the redelivered complaint counts once.</summary>
    private async Task AssertMailingStatesAsync()
    {
        var store = new MailingStore(_dynamoDb, _table, TimeProvider.System);
        var expected = new Dictionary<string, string?>
        {
            ["ada@readers.example"] = null,
            ["ben@readers.example"] = "Complaint",
            ["cleo@readers.example"] = "PermanentBounce",
            ["dev@readers.example"] = "SoftBounceLimit",
            ["eli@readers.example"] = null,
        };
        foreach (var (address, reason) in expected)
        {
            var record = await store.GetAsync(address);
            Assert.NotNull(record);
            Assert.Equal(reason, record.SuppressionReason);
            Assert.Equal(reason is null ? MailingState.Active : MailingState.Suppressed, record.State);
        }

        Assert.Equal(1, (await store.GetAsync("ben@readers.example"))!.Totals["Complaint"]);
    }

    /// <summary>The SES message inside each SNS record of demo/ses, in file order.</summary>
    private List<string> DemoSesMessages()
    {
        var messages = new List<string>();
        foreach (var file in Directory.GetFiles(_layout.FullPath("demo/ses"), "*.json").Order(StringComparer.Ordinal))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(file));
            messages.AddRange(document.RootElement.GetProperty("Records").EnumerateArray().Select(r => r.GetProperty("Sns").GetProperty("Message").GetString()!));
        }

        return messages;
    }
}

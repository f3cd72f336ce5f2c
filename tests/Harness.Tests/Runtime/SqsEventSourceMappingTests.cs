using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sqs;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.TestKit.Moto;

namespace Harness.Tests.Runtime;

/// <summary>The local SQS event source mapping: the event it builds (offline) and what it deletes against moto.</summary>
public sealed class SqsEventSourceMappingTests : IDisposable
{
    private const string QueueArn = "arn:aws:sqs:eu-west-1:111122223333:feedback";

    private const string CreateAndSendScript = """
        sqs = boto3.client('sqs')
        url = sqs.create_queue(QueueName=os.environ['ARG_name'], Attributes={'VisibilityTimeout': '1'})['QueueUrl']
        for i in range(3):
            sqs.send_message(QueueUrl=url, MessageBody='message-%d' % i)
        print(json.dumps({'url': url, 'arn': sqs.get_queue_attributes(QueueUrl=url, AttributeNames=['QueueArn'])['Attributes']['QueueArn']}))
        """;

    private const string CountScript = """
        sqs = boto3.client('sqs')
        a = sqs.get_queue_attributes(QueueUrl=os.environ['ARG_queue'], AttributeNames=['All'])['Attributes']
        print(int(a['ApproximateNumberOfMessages']) + int(a['ApproximateNumberOfMessagesNotVisible']))
        """;

    // Offline tests never reach a server; the moto-backed ones create their factory lazily, so a run without the
    // stack's variables (Category!=Integration) does not need them.
    private readonly AwsClientFactory _offline = new(new AwsEndpointResolver(name => name == "AWS_REGION" ? "eu-west-1" : null), new BasicAWSCredentials("local", "local"));
    private readonly Lazy<AwsClientFactory> _moto = new(MotoClientFactory.Create);

    public void Dispose()
    {
        _offline.Dispose();
        if (_moto.IsValueCreated)
        {
            _moto.Value.Dispose();
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void BatchSize_OutsideWhatOneReceiveTakes_ThrowsSayingTheRange(int size)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SqsEventSourceMapping(_offline.CreateSqs(), "https://example.invalid/q", QueueArn) { BatchSize = size });

        Assert.Contains("1 to 10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToEvent_ReceivedMessages_BuildsTheRecordsLambdaSends()
    {
        var mapping = new SqsEventSourceMapping(_offline.CreateSqs(), "https://sqs.eu-west-1.amazonaws.com/111122223333/feedback", QueueArn);
        var message = new Message
        {
            MessageId = "m-1",
            ReceiptHandle = "rh-1",
            Body = "{\"a\":1}",
            MD5OfBody = "md5",
            Attributes = new Dictionary<string, string> { ["ApproximateReceiveCount"] = "2" },
            MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["raw"] = new() { DataType = "Binary", BinaryValue = new byte[] { 0xff, 0x00 } } },
        };

        var json = JsonSerializer.SerializeToUtf8Bytes(mapping.ToEvent([message]), LambdaSuite.Events.EventsJsonContext.Default.SqsEvent);

        using var document = JsonDocument.Parse(json);
        var record = Assert.Single(document.RootElement.GetProperty("Records").EnumerateArray());
        Assert.Equal("m-1", record.GetProperty("messageId").GetString());
        Assert.Equal("rh-1", record.GetProperty("receiptHandle").GetString());
        Assert.Equal("{\"a\":1}", record.GetProperty("body").GetString());
        Assert.Equal("md5", record.GetProperty("md5OfBody").GetString());
        Assert.Equal("aws:sqs", record.GetProperty("eventSource").GetString());
        Assert.Equal(QueueArn, record.GetProperty("eventSourceARN").GetString());
        Assert.Equal("eu-west-1", record.GetProperty("awsRegion").GetString());
        Assert.Equal("2", record.GetProperty("attributes").GetProperty("ApproximateReceiveCount").GetString());
        Assert.Equal("/wA=", record.GetProperty("messageAttributes").GetProperty("raw").GetProperty("binaryValue").GetString());
        Assert.Equal("Binary", record.GetProperty("messageAttributes").GetProperty("raw").GetProperty("dataType").GetString());
    }

    [Theory]
    [InlineData("arn:aws:sns:eu-west-1:111122223333:feedback")]
    [InlineData("feedback")]
    [InlineData("arn:aws:sqs:eu-west-1:111122223333")]
    public void Constructor_NotAQueueArn_ThrowsASentenceNamingTheShape(string arn)
    {
        var error = Assert.Throws<ArgumentException>(() => new SqsEventSourceMapping(_offline.CreateSqs(), "https://example.invalid/q", arn));

        Assert.Contains("is not an SQS queue ARN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task PollOnceAsync_FunctionError_DeletesNothingAndTheMessagesComeBack()
    {
        using var queue = JsonDocument.Parse(await Boto3.RunAsync(CreateAndSendScript, ("name", $"suite-test-{Guid.NewGuid():N}")));
        var url = queue.RootElement.GetProperty("url").GetString()!;
        var mapping = new SqsEventSourceMapping(_moto.Value.CreateSqs(), url, queue.RootElement.GetProperty("arn").GetString()!);
        var failing = new InvocationOutcome("r", true, """{"errorMessage":"table unavailable","errorType":"Fault"}"""u8.ToArray(), "Fault", 0);

        var poll = await mapping.PollOnceAsync((_, _) => Task.FromResult(failing), default);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var again = await mapping.PollOnceAsync((_, _) => Task.FromResult(new InvocationOutcome("r", false, "{}"u8.ToArray(), null, 0)), default);
        var left = await Boto3.RunAsync(CountScript, ("queue", url));

        Assert.Equal(3, poll.Received.Count);
        Assert.True(poll.Verdict!.WholeBatchFailed);
        Assert.Contains("table unavailable", poll.Verdict.Reason, StringComparison.Ordinal);
        Assert.Empty(poll.Deleted);
        Assert.Equal(poll.Received.Order(StringComparer.Ordinal), again.Received.Order(StringComparer.Ordinal));
        Assert.Equal(3, again.Deleted.Count);
        Assert.Equal("0", left);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task PollOnceAsync_OneReported_DeletesTheOthersAndHandsTheFunctionTheQueuesRecords()
    {
        using var queue = JsonDocument.Parse(await Boto3.RunAsync(CreateAndSendScript, ("name", $"suite-test-{Guid.NewGuid():N}")));
        var url = queue.RootElement.GetProperty("url").GetString()!;
        var arn = queue.RootElement.GetProperty("arn").GetString()!;
        var mapping = new SqsEventSourceMapping(_moto.Value.CreateSqs(), url, arn);
        string? failedId = null;
        byte[] seen = [];

        var poll = await mapping.PollOnceAsync(
            (eventJson, _) =>
            {
                seen = eventJson.ToArray();
                using var document = JsonDocument.Parse(eventJson);
                failedId = document.RootElement.GetProperty("Records").EnumerateArray().First(r => r.GetProperty("body").GetString() == "message-1").GetProperty("messageId").GetString();
                return Task.FromResult(new InvocationOutcome("r", false, Encoding.UTF8.GetBytes($$"""{"batchItemFailures":[{"itemIdentifier":"{{failedId}}"}]}"""), null, 0));
            },
            default);
        var left = await Boto3.RunAsync(CountScript, ("queue", url));

        Assert.Equal([failedId!], poll.Reported);
        Assert.Equal(2, poll.Deleted.Count);
        Assert.DoesNotContain(failedId, poll.Deleted);
        Assert.Equal("1", left);
        using var sent = JsonDocument.Parse(seen);
        Assert.All(sent.RootElement.GetProperty("Records").EnumerateArray(), r =>
        {
            Assert.Equal(arn, r.GetProperty("eventSourceARN").GetString());
            Assert.Equal("1", r.GetProperty("attributes").GetProperty("ApproximateReceiveCount").GetString());
        });
    }
}

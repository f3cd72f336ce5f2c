using System.Text.Json;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sqs;
using LambdaSuite.TestKit.Moto;

namespace Shared.Tests.Aws.Sqs;

/// <summary>
/// The in-house SQS client's consumer side (ReceiveMessage, DeleteMessageBatch) against moto: messages sent and
/// counted by boto3, received and deleted by our client.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SqsConsumerMotoTests : IDisposable
{
    private const string CreateAndSendScript = """
        sqs = boto3.client('sqs')
        url = sqs.create_queue(QueueName=os.environ['ARG_name'])['QueueUrl']
        for i in range(int(os.environ['ARG_count'])):
            sqs.send_message(QueueUrl=url, MessageBody='{"n":%d,"text":"ünïcödé ✓"}' % i,
                MessageAttributes={'source': {'DataType': 'String', 'StringValue': 'shard-%d' % i}})
        print(url)
        """;

    private const string RemainingScript = """
        sqs = boto3.client('sqs')
        got = sqs.receive_message(QueueUrl=os.environ['ARG_queue'], MaxNumberOfMessages=10, WaitTimeSeconds=5)
        print(json.dumps([m['Body'] for m in got.get('Messages', [])]))
        """;

    private readonly AwsClientFactory _factory = MotoClientFactory.Create();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ReceiveMessageAsync_MessagesSentByBoto3_ReturnsBodiesAttributesAndReceiveCount()
    {
        var queue = await CreateQueueWithMessagesAsync(3);

        var received = await _factory.CreateSqs().ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queue,
            MaxNumberOfMessages = 10,
            MessageSystemAttributeNames = ["All"],
            MessageAttributeNames = ["All"],
        });

        Assert.Equal(3, received.Messages.Count);
        Assert.Equal(
            Enumerable.Range(0, 3).Select(i => $"{{\"n\":{i},\"text\":\"ünïcödé ✓\"}}").Order(StringComparer.Ordinal),
            received.Messages.Select(m => m.Body).Order(StringComparer.Ordinal));
        Assert.All(received.Messages, m =>
        {
            Assert.False(string.IsNullOrEmpty(m.ReceiptHandle));
            Assert.Equal("1", m.Attributes!["ApproximateReceiveCount"]);
            Assert.True(long.Parse(m.Attributes["SentTimestamp"], System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.Equal("shard-" + JsonDocument.Parse(m.Body).RootElement.GetProperty("n").GetInt32(), m.MessageAttributes!["source"].StringValue);
        });
    }

    [Fact]
    public async Task DeleteMessageBatchAsync_TwoOfThreeHandles_Boto3FindsOnlyTheThirdLeft()
    {
        var queue = await CreateQueueWithMessagesAsync(3);
        var sqs = _factory.CreateSqs();
        var received = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue, MaxNumberOfMessages = 10, VisibilityTimeout = 1 });
        var kept = received.Messages[2];

        var deleted = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
        {
            QueueUrl = queue,
            Entries = received.Messages.Take(2).Select((m, i) => new DeleteMessageBatchRequestEntry { Id = $"d{i}", ReceiptHandle = m.ReceiptHandle }).ToArray(),
        });
        var remaining = JsonSerializer.Deserialize<string[]>(await Boto3.RunAsync(RemainingScript, ("queue", queue))) ?? [];

        Assert.Equal(3, received.Messages.Count);
        Assert.Empty(deleted.Failed);
        Assert.Equal(["d0", "d1"], deleted.Successful.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal([kept.Body], remaining);
    }

    [Fact]
    public async Task ReceiveMessageAsync_EmptyQueue_ReturnsNoMessagesWithoutError()
    {
        var queue = await CreateQueueWithMessagesAsync(0);

        var received = await _factory.CreateSqs().ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue, WaitTimeSeconds = 0 });

        Assert.Empty(received.Messages);
    }

    private static Task<string> CreateQueueWithMessagesAsync(int count) =>
        Boto3.RunAsync(CreateAndSendScript, ("name", $"suite-test-{Guid.NewGuid():N}"), ("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

using System.Text;
using System.Text.Json;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sqs;
using LambdaSuite.TestKit.Moto;

namespace Shared.Tests.Aws.Sqs;

/// <summary>The in-house SQS client against moto: queues made and drained by boto3, messages sent by our client.</summary>
[Trait("Category", "Integration")]
public sealed class SqsMotoTests : IDisposable
{
    private const string CreateQueueScript = """
        sqs = boto3.client('sqs')
        fifo = os.environ['ARG_fifo'] == 'true'
        print(sqs.create_queue(QueueName=os.environ['ARG_name'] + ('.fifo' if fifo else ''), Attributes={'FifoQueue': 'true'} if fifo else {})['QueueUrl'])
        """;

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
                attributes = {k: v.get('StringValue') for k, v in m.get('MessageAttributes', {}).items()}
                out.append({'body': m['Body'], 'group': m.get('Attributes', {}).get('MessageGroupId'), 'attributes': attributes})
                sqs.delete_message(QueueUrl=os.environ['ARG_queue'], ReceiptHandle=m['ReceiptHandle'])
        print(json.dumps(out))
        """;

    private readonly AwsClientFactory _factory = MotoClientFactory.Create();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendMessageBatchResultReader_MotoAnswerToTenMessages_ReadsWhatTheSerializerReads(bool fifo)
    {
        var queue = await CreateQueueAsync(fifo);
        using var body = new SendMessageBatchBody(queue);
        for (var i = 0; i < 10; i++)
        {
            body.Add(Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"), false, [new("fanout-id", $"seq-{i}")], fifo ? $"dedup-{i}" : null, fifo ? "group" : null);
        }

        var answer = await _factory.CreateSqs().Http.InvokeRawAsync("AmazonSQS", "1.0", "SendMessageBatch", body.Complete(), (byte[] bytes) => bytes, CancellationToken.None);
        var read = SendMessageBatchResultReader.TryRead(answer, out var response);

        Assert.True(read, Encoding.UTF8.GetString(answer));
        Assert.Equal(10, response.Successful.Count);
        Assert.All(response.Successful, s => Assert.False(string.IsNullOrEmpty(s.MD5OfMessageAttributes)));
        Assert.Equal(SendMessageBatchResultReaderTests.Describe(SendMessageBatchResultReaderTests.Serializer(answer)), SendMessageBatchResultReaderTests.Describe(response));
    }

    [Fact]
    public async Task SendMessageBatchAsync_TenMessagesWithAttributes_Boto3ReceivesEachBodyAndAttribute()
    {
        var queue = await CreateQueueAsync(fifo: false);
        var entries = Enumerable.Range(0, 10).Select(i => new SendMessageBatchRequestEntry
        {
            Id = $"m{i}",
            MessageBody = $"{{\"n\":{i},\"text\":\"ünïcödé ✓\"}}",
            MessageAttributes = new Dictionary<string, MessageAttributeValue> { ["source"] = new() { DataType = "String", StringValue = $"shard-{i}" } },
        }).ToArray();

        var response = await _factory.CreateSqs().SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = queue, Entries = entries });
        var received = await DrainAsync(queue);

        Assert.Empty(response.Failed);
        Assert.Equal(10, response.Successful.Count);
        Assert.All(response.Successful, s => Assert.False(string.IsNullOrEmpty(s.MD5OfMessageBody)));
        Assert.Equal(entries.Select(e => e.MessageBody).Order(StringComparer.Ordinal), received.Select(r => r.GetProperty("body").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(
            Enumerable.Range(0, 10).Select(i => $"shard-{i}").Order(StringComparer.Ordinal),
            received.Select(r => r.GetProperty("attributes").GetProperty("source").GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SendMessageBatchAsync_FifoQueue_OrderKeptPerGroupAndDuplicateIdDropped()
    {
        var queue = await CreateQueueAsync(fifo: true);
        var sqs = _factory.CreateSqs();
        SendMessageBatchRequestEntry Entry(int i, string dedup) => new() { Id = $"e{i}", MessageBody = $"g{i % 2}-{i}", MessageGroupId = $"g{i % 2}", MessageDeduplicationId = dedup };

        var first = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = queue, Entries = Enumerable.Range(0, 6).Select(i => Entry(i, $"d{i}")).ToArray() });
        var again = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = queue, Entries = [Entry(0, "d0")] });
        var received = await DrainAsync(queue);

        Assert.Empty(first.Failed);
        Assert.Empty(again.Failed);
        Assert.Equal(["g0-0", "g0-2", "g0-4"], received.Where(r => r.GetProperty("group").GetString() == "g0").Select(r => r.GetProperty("body").GetString()));
        Assert.Equal(["g1-1", "g1-3", "g1-5"], received.Where(r => r.GetProperty("group").GetString() == "g1").Select(r => r.GetProperty("body").GetString()));
    }

    private static Task<string> CreateQueueAsync(bool fifo) =>
        Boto3.RunAsync(CreateQueueScript, ("name", $"suite-test-{Guid.NewGuid():N}"), ("fifo", fifo ? "true" : "false"));

    private static async Task<IReadOnlyList<JsonElement>> DrainAsync(string queue)
    {
        using var drained = JsonDocument.Parse(await Boto3.RunAsync(DrainScript, ("queue", queue)));
        return drained.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}

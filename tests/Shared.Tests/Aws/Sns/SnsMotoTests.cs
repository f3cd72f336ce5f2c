using System.Text.Json;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Sns;
using LambdaSuite.Harness.Moto;
using LambdaSuite.TestKit.Emulator;
using LambdaSuite.TestKit.Moto;

namespace Shared.Tests.Aws.Sns;

/// <summary>
/// The in-house SNS client against moto: topics and SQS subscriptions are made by boto3, our client publishes, and
/// boto3 reads the queue back (the harness's <see cref="MotoTopicQueue"/>), so what arrived is judged by AWS's own
/// SDK, not by our parser.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SnsMotoTests : IDisposable
{
    private readonly AwsClientFactory _factory;
    private readonly SnsClient _sns;

    public SnsMotoTests()
    {
        _factory = MotoClientFactory.Create();
        _sns = _factory.CreateSns();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PublishBatchAsync_RawSubscription_QueueHoldsEachMessageVerbatim()
    {
        var (topic, queue) = await TopicWithQueueAsync(raw: true, fifo: false);
        string[] messages = ["plain text", "{\"json\":true}", "ünïcödé ✓", new string('x', 4096)];

        var response = await _sns.PublishBatchAsync(new PublishBatchRequest
        {
            TopicArn = topic,
            PublishBatchRequestEntries = messages.Select((m, i) => new PublishBatchRequestEntry { Id = $"m{i}", Message = m }).ToArray(),
        });
        var received = await DrainAsync(queue);

        Assert.Empty(response.Failed);
        Assert.Equal(["m0", "m1", "m2", "m3"], response.Successful.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Equal(messages.Order(StringComparer.Ordinal), received.Select(r => r.Body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PublishAsync_EnvelopeSubscription_QueueHoldsSnsNotificationWithTheMessageAndSubject()
    {
        var (topic, queue) = await TopicWithQueueAsync(raw: false, fifo: false);

        var response = await _sns.PublishAsync(new PublishRequest { TopicArn = topic, Message = "hello \"quoted\"", Subject = "greeting" });
        var received = Assert.Single(await DrainAsync(queue));

        using var envelope = JsonDocument.Parse(received.Body);
        Assert.Equal("Notification", envelope.RootElement.GetProperty("Type").GetString());
        Assert.Equal("hello \"quoted\"", envelope.RootElement.GetProperty("Message").GetString());
        Assert.Equal("greeting", envelope.RootElement.GetProperty("Subject").GetString());
        Assert.Equal(topic, envelope.RootElement.GetProperty("TopicArn").GetString());
        Assert.Equal(response.MessageId, envelope.RootElement.GetProperty("MessageId").GetString());
    }

    [Fact]
    public async Task PublishBatchAsync_FifoTopic_QueueKeepsOrderWithinEachGroup()
    {
        var (topic, queue) = await TopicWithQueueAsync(raw: true, fifo: true);
        var entries = Enumerable.Range(0, 10).Select(i => new PublishBatchRequestEntry
        {
            Id = $"e{i}",
            Message = $"{(i % 2 == 0 ? "a" : "b")}-{i}",
            MessageGroupId = i % 2 == 0 ? "a" : "b",
            MessageDeduplicationId = $"dedup-{i}",
        }).ToArray();

        var response = await _sns.PublishBatchAsync(new PublishBatchRequest { TopicArn = topic, PublishBatchRequestEntries = entries });
        var received = await DrainAsync(queue);

        // SNS documents a SequenceNumber per FIFO entry; moto 5.2.1 leaves it out (PublishBatch and Publish alike),
        // so it is not asserted here. SnsClientTests read it from the documented answer.
        Assert.Empty(response.Failed);
        Assert.Equal(10, response.Successful.Count);
        Assert.Equal(["a-0", "a-2", "a-4", "a-6", "a-8"], received.Where(r => r.Group == "a").Select(r => r.Body));
        Assert.Equal(["b-1", "b-3", "b-5", "b-7", "b-9"], received.Where(r => r.Group == "b").Select(r => r.Body));
    }

    private static async Task<(string Topic, MotoTopicQueue Queue)> TopicWithQueueAsync(bool raw, bool fifo)
    {
        var pair = await MotoTopicQueue.CreateAsync($"suite-test-{Guid.NewGuid():N}", raw, AwsEmulator.Shared.ApplyTo, fifo: fifo);
        return (pair.TopicArn, pair);
    }

    private static Task<IReadOnlyList<(string Body, string? Group)>> DrainAsync(MotoTopicQueue queue) => queue.DrainMessagesAsync(TimeSpan.Zero);
}

using System.Text;
using System.Text.Json;
using Fanout.Delivery;
using Fanout.Records;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.Fanout;

namespace Fanout.Tests.Delivery;

public class MessageBuilderTests
{
    private static FanoutTarget Target(CollapseMode collapse, FanoutTargetType type = FanoutTargetType.Sns) => new()
    {
        SourceArn = StreamEvents.SourceArn,
        Id = "t",
        Type = type,
        Destination = "arn:aws:sns:us-east-1:123456789012:t",
        Collapse = collapse,
    };

    private static SourceBatch Batch(params string[] data) =>
        SourceReader.Read(StreamEvents.Kinesis(data.Select(d => ("k", Encoding.UTF8.GetBytes(d))))).Single();

    [Fact]
    public void Build_CollapseJson_OneValidArrayWithNonJsonAsBase64()
    {
        var batch = Batch("{\"a\":1}", "plain", "[2]");
        var problems = new List<RecordProblem>();

        var message = Assert.Single(MessageBuilder.Build(batch, batch.Records, Target(CollapseMode.Json), TargetLimits.For(FanoutTargetType.Sns), true, problems));

        using var array = JsonDocument.Parse(message.Body);
        Assert.Equal(3, array.RootElement.GetArrayLength());
        Assert.Equal("cGxhaW4=", array.RootElement[1].GetString());
        Assert.Equal(3, message.Count);
        Assert.EndsWith("+3", message.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_CollapseConcatOverEntryLimit_SplitsWithoutLosingRecords()
    {
        var record = new string('x', 100 * 1024);
        var batch = Batch(record, record, record, record, record);
        var problems = new List<RecordProblem>();

        var messages = MessageBuilder.Build(batch, batch.Records, Target(CollapseMode.Concat), TargetLimits.For(FanoutTargetType.Sns), false, problems);

        Assert.Empty(problems);
        Assert.Equal(5, messages.Sum(m => m.Count));
        Assert.All(messages, m => Assert.True(TargetLimits.For(FanoutTargetType.Sns).SizeOf(m) <= 256 * 1024));
    }

    [Fact]
    public void Build_CollapseConcatBase64_OneLinePerRecord()
    {
        var batch = Batch("a", "b");

        var message = Assert.Single(MessageBuilder.Build(batch, batch.Records, Target(CollapseMode.ConcatBase64), TargetLimits.For(FanoutTargetType.Sns), false, []));

        Assert.Equal("YQ==\nYg==\n", Encoding.UTF8.GetString(message.Body.Span));
    }

    [Fact]
    public void SplitIntoCalls_KinesisLimits_RespectsCountAndBytes()
    {
        var delivery = new TargetDelivery(new FakeSender(), TargetLimits.For(FanoutTargetType.Kinesis), AwsRetryPolicy.Default);
        var small = Enumerable.Range(0, 1001).Select(i => new OutgoingMessage(i, 1, new byte[10], "k", null, "")).ToList();
        var large = Enumerable.Range(0, 11).Select(i => new OutgoingMessage(i, 1, new byte[1000 * 1024], "k", null, "")).ToList();

        var byCount = delivery.SplitIntoCalls(small);
        var byBytes = delivery.SplitIntoCalls(large);

        Assert.Equal([500, 500, 1], byCount.Select(c => c.Count));
        Assert.Equal([5, 5, 1], byBytes.Select(c => c.Count));
    }

    [Theory]
    [InlineData(FanoutTargetType.Sqs, true)]
    [InlineData(FanoutTargetType.Sns, true)]
    [InlineData(FanoutTargetType.Kinesis, false)]
    [InlineData(FanoutTargetType.Firehose, false)]
    public void Build_BodyWithNoncharacter_Base64DecidedOnlyForXmlTextTargets(FanoutTargetType type, bool expected)
    {
        var batch = Batch("a\uFFFFb", "plain");
        var limits = TargetLimits.For(type);

        var messages = MessageBuilder.Build(batch, batch.Records, Target(CollapseMode.None, type), limits, false, []);

        Assert.Equal([expected, false], messages.Select(m => m.SentAsBase64));
        Assert.Equal(expected ? 8 + TargetLimits.EncodingAttributeOverhead + limits.EntryOverhead : 5 + limits.EntryOverhead, limits.SizeOf(messages[0]) - (limits.CountsPartitionKey ? 1 : 0));
    }

    [Fact]
    public void Build_CollapseJsonItemNested32Levels_RecordStaysAnObject()
    {
        // DynamoDB's deepest legal item: its typed Streams record is 67 JSON levels, past the reader's default 64.
        var batch = SourceReader.Read(Hostile.DynamoDbEvents.Event(Hostile.DynamoDbEvents.Record(0, Hostile.DynamoDbEvents.Nested(0, 32)), Hostile.DynamoDbEvents.Record(1, Hostile.DynamoDbEvents.Plain(1)))).Single();
        var target = Target(CollapseMode.Json, FanoutTargetType.Kinesis);

        var message = Assert.Single(MessageBuilder.Build(batch, batch.Records, target, TargetLimits.For(FanoutTargetType.Kinesis), false, []));

        using var array = JsonDocument.Parse(message.Body, new JsonDocumentOptions { MaxDepth = 128 });
        Assert.Equal(JsonValueKind.Object, array.RootElement[0].ValueKind);
        Assert.Equal("k0", array.RootElement[0].GetProperty("Keys").GetProperty("id").GetProperty("S").GetString());
        Assert.Equal(JsonValueKind.Object, array.RootElement[1].ValueKind);
    }
}


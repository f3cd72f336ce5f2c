using System.Text;
using System.Text.Json;
using Fanout.Delivery;
using Fanout.Tests.Delivery;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit.Runtime;

using Fanout.Tests.Support;

namespace Fanout.Tests.Hostile;

/// <summary>Issue 19, items 1 and 8: a legal but extreme record, or one that cannot be decoded, must not block the shard.</summary>
public class HostileRecordTests : FakeSendersTestBase
{
    private const string NoFailures = "{\"batchItemFailures\":[]}";
    private static FanoutTarget Target(string sourceArn, string id = "out", bool convert = false) => new()
    {
        SourceArn = sourceArn,
        Id = id,
        Type = FanoutTargetType.Kinesis,
        Destination = "out",
        Active = true,
        ConvertDdb = convert,
    };

    [Theory]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(32)]
    public async Task InvokeAsync_ItemNestedAsDeepAsDynamoDbAllows_EveryRecordDelivered(int levels)
    {
        var sender = Senders.ByTargetId["out"] = new FakeSender();
        var function = FunctionWithDeadLetter("dlq", Target(DynamoDbEvents.SourceArn, convert: true));
        var input = DynamoDbEvents.Event(DynamoDbEvents.Record(0, DynamoDbEvents.Nested(0, levels)), DynamoDbEvents.Record(1, DynamoDbEvents.Plain(1)));

        var response = await function.InvokeAsync(input, new TestLambdaContext());

        Assert.Equal(NoFailures, Encoding.UTF8.GetString(response));
        Assert.Equal(2, sender.Taken.Count);
        Assert.Contains("\"leaf\"", sender.Taken[0], StringComparison.Ordinal);
        Assert.Empty(Senders.DeadLetter.Taken);
    }

    [Theory]
    [InlineData(33)]
    [InlineData(40)]
    [InlineData(5000)]
    public async Task InvokeAsync_ItemNestedDeeperThanDynamoDbAllows_DeadLetteredAsNestedTooDeepAndGoodRecordDelivered(int levels)
    {
        var sender = Senders.ByTargetId["out"] = new FakeSender();
        var function = FunctionWithDeadLetter("dlq", Target(DynamoDbEvents.SourceArn));
        var input = DynamoDbEvents.Event(DynamoDbEvents.Record(0, DynamoDbEvents.Nested(0, levels)), DynamoDbEvents.Record(1, DynamoDbEvents.Plain(1)));

        var response = await function.InvokeAsync(input, new TestLambdaContext());

        Assert.Equal(NoFailures, Encoding.UTF8.GetString(response));
        var delivered = Assert.Single(sender.Taken);
        Assert.Contains(DynamoDbEvents.Sequence(1), delivered, StringComparison.Ordinal);
        using var letter = JsonDocument.Parse(Assert.Single(Senders.DeadLetter.Taken));
        Assert.Contains("nested too deep", letter.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(DynamoDbEvents.Sequence(0), letter.RootElement.GetProperty("sequenceNumber").GetString());
    }

    [Theory]
    [InlineData("""{"id":{"S":"k0"},"x":{"S":"a","N":"1"}}""", "one type")]
    [InlineData("""{"id":{"S":"k0"},"x":{"Q":"1"}}""", "Unknown DynamoDB type")]
    [InlineData("""{"id":{"S":"k0"},"x":{"N":"twelve"}}""", "not a DynamoDB number")]
    [InlineData("""{"id":{"S":"k0"},"x":{"B":"!!not base64!!"}}""", "not valid base64")]
    [InlineData("""{"id":{"S":"k0"},"x":{"NS":["1","x"]}}""", "not a DynamoDB number")]
    public async Task InvokeAsync_UndecodableDynamoDbRecord_DeadLetteredAloneAndRestDelivered(string newImage, string expectedReason)
    {
        var sender = Senders.ByTargetId["out"] = new FakeSender();
        var function = FunctionWithDeadLetter("dlq", Target(DynamoDbEvents.SourceArn, convert: true));
        var input = DynamoDbEvents.Event(DynamoDbEvents.Record(0, newImage), DynamoDbEvents.Record(1, DynamoDbEvents.Plain(1)), DynamoDbEvents.Record(2, DynamoDbEvents.Plain(2)));

        var response = await function.InvokeAsync(input, new TestLambdaContext());

        Assert.Equal(NoFailures, Encoding.UTF8.GetString(response));
        Assert.Equal(2, sender.Taken.Count);
        using var letter = JsonDocument.Parse(Assert.Single(Senders.DeadLetter.Taken));
        Assert.Contains(expectedReason, letter.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(DynamoDbEvents.Sequence(0), letter.RootElement.GetProperty("sequenceNumber").GetString());
        Assert.Equal("Undecodable", letter.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task InvokeAsync_KinesisRecordNotBase64_DeadLetteredAloneAndRestDelivered()
    {
        var sender = Senders.ByTargetId["out"] = new FakeSender();
        var function = FunctionWithDeadLetter("dlq", Target(StreamEvents.SourceArn));
        var input = Encoding.UTF8.GetString(StreamEvents.Kinesis([("k", "a"u8.ToArray()), ("k", "bb"u8.ToArray()), ("k", "c"u8.ToArray())]));
        input = input.Replace("\"YmI=\"", "\"Ym*I\"", StringComparison.Ordinal);

        var response = await function.InvokeAsync(Encoding.UTF8.GetBytes(input), new TestLambdaContext());

        Assert.Equal(NoFailures, Encoding.UTF8.GetString(response));
        Assert.Equal(["a", "c"], sender.Taken);
        using var letter = JsonDocument.Parse(Assert.Single(Senders.DeadLetter.Taken));
        Assert.Contains("not base64", letter.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(StreamEvents.Sequence(1), letter.RootElement.GetProperty("sequenceNumber").GetString());
    }

    [Fact]
    public async Task InvokeAsync_UndecodableRecordWithoutDeadLetterQueue_DroppedWithLineAndRestDelivered()
    {
        var sender = Senders.ByTargetId["out"] = new FakeSender();
        var context = new TestLambdaContext();
        var function = FunctionWithDeadLetter(null, Target(DynamoDbEvents.SourceArn));
        var input = DynamoDbEvents.Event(DynamoDbEvents.Record(0, DynamoDbEvents.Plain(0)), DynamoDbEvents.Record(1, """{"x":{"N":"1e"}}"""));

        var response = await function.InvokeAsync(input, context);

        Assert.Equal(NoFailures, Encoding.UTF8.GetString(response));
        Assert.Single(sender.Taken);
        var dropped = Assert.Single(context.Logger.Lines, l => l.Message.StartsWith("Record dropped", StringComparison.Ordinal));
        Assert.Equal(LambdaLogLevel.Error, dropped.Level);
        Assert.Equal(DynamoDbEvents.Sequence(1), dropped.Fields["sequenceNumber"]);
    }
}

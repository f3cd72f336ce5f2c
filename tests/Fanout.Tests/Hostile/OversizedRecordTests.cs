using System.Text;
using System.Text.Json;
using Fanout.Config;
using Fanout.Delivery;
using Fanout.Tests.Delivery;
using Fanout.Tests.Support;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.Fanout;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Runtime;

namespace Fanout.Tests.Hostile;

/// <summary>Issue 19, item 9: a record Fanout cannot keep a copy of is named so that it can be read again from its stream.</summary>
public class OversizedRecordTests
{
    private readonly SteppingTimeProvider _clock = new();
    private readonly FakeSenderFactory _senders = new();

    private FanoutFunction Function(string? deadLetter) =>
        new(new StaticTargetSource([new FanoutTarget { SourceArn = StreamEvents.SourceArn, Id = "topic", Type = FanoutTargetType.Sns, Destination = "arn:aws:sns:us-east-1:123456789012:out", Active = true }]),
            new FanoutEngine(_senders, new DeliveryLedger(), new AwsRetryPolicy { TimeProvider = _clock, Random = () => 0.5 }, deadLetter), TimeSpan.FromSeconds(1), _clock);

    [Fact]
    public async Task InvokeAsync_OversizedWithoutDeadLetterQueue_DropLineSaysShardSequenceAndHowToReread()
    {
        _senders.ByTargetId["topic"] = new FakeSender(ordered: false);
        var context = new TestLambdaContext();

        // 300 KB: over SNS's 256 KiB message limit.
        var response = await Function(null).InvokeAsync(StreamEvents.Kinesis([("k", new byte[300_000]), ("k", "small"u8.ToArray())]), context);

        Assert.Equal("{\"batchItemFailures\":[]}", Encoding.UTF8.GetString(response));
        Assert.Equal(["small"], _senders.ByTargetId["topic"].Taken);
        var line = Assert.Single(context.Logger.Lines, l => l.Message.StartsWith("Record dropped", StringComparison.Ordinal));
        Assert.Contains("read it again from the stream", line.Message, StringComparison.Ordinal);
        Assert.Equal("shardId-000000000000", line.Fields["shardId"]);
        Assert.Equal(StreamEvents.Sequence(0), line.Fields["sequenceNumber"]);
        Assert.Contains($"--shard-id shardId-000000000000 --shard-iterator-type AT_SEQUENCE_NUMBER --starting-sequence-number {StreamEvents.Sequence(0)}", line.Fields["reread"], StringComparison.Ordinal);
        Assert.Contains("retention", line.Fields["reread"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_DeadLetterOfRecordOver700KiB_OmitsDataAndSaysHowToReread()
    {
        _senders.ByTargetId["topic"] = new FakeSender(ordered: false);

        await Function("dlq").InvokeAsync(StreamEvents.Kinesis([("k", new byte[800 * 1024])]), new TestLambdaContext());

        using var letter = JsonDocument.Parse(Assert.Single(_senders.DeadLetter.Taken));
        var root = letter.RootElement;
        Assert.True(root.GetProperty("dataOmitted").GetBoolean());
        Assert.False(root.TryGetProperty("data", out _));
        Assert.Equal("shardId-000000000000", root.GetProperty("shardId").GetString());
        Assert.Contains("--starting-sequence-number " + StreamEvents.Sequence(0), root.GetProperty("reread").GetString(), StringComparison.Ordinal);
    }
}

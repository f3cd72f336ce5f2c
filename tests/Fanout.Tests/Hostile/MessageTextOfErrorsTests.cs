using System.Text;
using Fanout.Config;
using Fanout.Delivery;
using Fanout.Tests.Delivery;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Runtime;

namespace Fanout.Tests.Hostile;

/// <summary>Issue 19, item 12: what Fanout says about an error is a sentence, never a resource key or "NotJson".</summary>
public class MessageTextOfErrorsTests
{
    private readonly SteppingTimeProvider _clock = new();
    private readonly FakeSenderFactory _senders = new();

    private FanoutFunction Function(params FanoutTarget[] targets) =>
        new(new StaticTargetSource(targets), new FanoutEngine(_senders, new DeliveryLedger(), new AwsRetryPolicy { TimeProvider = _clock, Random = () => 0.5 }, null), TimeSpan.FromSeconds(1), _clock);

    [Fact]
    public async Task InvokeAsync_NotJson_SaysNotWellFormedJson()
    {
        var error = await Assert.ThrowsAsync<LambdaEventException>(() => Function().InvokeAsync("{\"Records\":["u8.ToArray(), new TestLambdaContext()));

        Assert.Contains("not well-formed JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("NotJson", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_KinesisEventOnlyTooDeep_SaysNestedTooDeep()
    {
        var deep = new string('[', 100) + new string(']', 100);
        var input = Encoding.UTF8.GetBytes("{\"Records\":[{\"eventSource\":\"aws:kinesis\",\"extra\":" + deep + ",\"kinesis\":{\"partitionKey\":\"k\",\"sequenceNumber\":\"1\",\"data\":\"YQ==\"},\"eventSourceARN\":\"" + StreamEvents.SourceArn + "\"}]}");

        var error = await Assert.ThrowsAsync<LambdaEventException>(() => Function().InvokeAsync(input, new TestLambdaContext()));

        Assert.Contains("nested too deep", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DepthTooLarge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_TargetCallCancelledWithResourceKeyMessage_LogSaysTimedOut()
    {
        _senders.ByTargetId["t"] = new FakeSender { Throw = () => new TaskCanceledException("TaskCanceledException_ctor_DefaultMessage") };
        var context = new TestLambdaContext();
        var target = new FanoutTarget { SourceArn = StreamEvents.SourceArn, Id = "t", Type = FanoutTargetType.Kinesis, Destination = "out", Active = true };

        await Function(target).InvokeAsync(StreamEvents.Kinesis([("k", "a"u8.ToArray())]), context);

        var line = Assert.Single(context.Logger.Lines, l => l.Level == LambdaLogLevel.Error);
        Assert.Contains("timed out or was cancelled", line.Fields["lastError"], StringComparison.Ordinal);
        Assert.DoesNotContain("_ctor_", line.Fields["lastError"], StringComparison.Ordinal);
    }
}

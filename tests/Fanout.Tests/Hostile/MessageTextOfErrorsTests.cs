using System.Text;
using Fanout.Delivery;
using Fanout.Tests.Delivery;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit.Runtime;

using Fanout.Tests.Support;

namespace Fanout.Tests.Hostile;

/// <summary>Issue 19, item 12: what Fanout says about an error is a sentence, never a resource key or "NotJson".</summary>
public class MessageTextOfErrorsTests : FakeSendersTestBase
{
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
        Senders.ByTargetId["t"] = new FakeSender { Throw = () => new TaskCanceledException("TaskCanceledException_ctor_DefaultMessage") };
        var context = new TestLambdaContext();
        var target = new FanoutTarget { SourceArn = StreamEvents.SourceArn, Id = "t", Type = FanoutTargetType.Kinesis, Destination = "out", Active = true };

        await Function(target).InvokeAsync(StreamEvents.Kinesis([("k", "a"u8.ToArray())]), context);

        var line = Assert.Single(context.Logger.Lines, l => l.Level == LambdaLogLevel.Error);
        Assert.Contains("timed out or was cancelled", line.Fields["lastError"], StringComparison.Ordinal);
        Assert.DoesNotContain("_ctor_", line.Fields["lastError"], StringComparison.Ordinal);
    }
}

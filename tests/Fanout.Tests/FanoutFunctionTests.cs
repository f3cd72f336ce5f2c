using System.Text;
using System.Text.Json;
using Fanout.Delivery;
using Fanout.Tests.Delivery;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit.Runtime;

using Fanout.Tests.Support;

namespace Fanout.Tests;

public class FanoutFunctionTests : FakeSendersTestBase
{
    private static FanoutTarget Target(string id, bool active = true) => new()
    {
        SourceArn = StreamEvents.SourceArn,
        Id = id,
        Type = FanoutTargetType.Kinesis,
        Destination = "out",
        Active = active,
    };

    [Fact]
    public async Task InvokeAsync_InvalidAndInactiveRows_InvalidReportedInactiveSkipped()
    {
        var good = Senders.ByTargetId["good"] = new FakeSender();
        Senders.ByTargetId["off"] = new FakeSender();
        var context = new TestLambdaContext();
        var function = Function(Target("good"), Target("off", active: false), Target("bad") with { Destination = "arn:aws:sqs:us-east-1:1:not-a-stream" });

        var response = await function.InvokeAsync(StreamEvents.Kinesis([("k", "x"u8.ToArray())]), context);

        Assert.Equal("{\"batchItemFailures\":[]}", Encoding.UTF8.GetString(response));
        Assert.Equal(["x"], good.Taken);
        Assert.Equal(0, Senders.ByTargetId["off"].Calls);
        var invalid = Assert.Single(context.Logger.Lines, l => l.Message == "Invalid fanout mapping ignored");
        Assert.Equal(LambdaLogLevel.Error, invalid.Level);
        Assert.Contains("not a Kinesis stream", invalid.Fields["errors"], StringComparison.Ordinal);
        var source = Assert.Single(context.Logger.Lines, l => l.Message.Contains("\"InvalidMappings\"", StringComparison.Ordinal));
        Assert.Equal(1, JsonDocument.Parse(source.Message).RootElement.GetProperty("InvalidMappings").GetInt32());
    }

    [Fact]
    public async Task InvokeAsync_SqsEvent_ThrowsEventException()
    {
        var function = Function();

        await Assert.ThrowsAsync<LambdaEventException>(() => function.InvokeAsync("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"messageId\":\"1\",\"body\":\"b\"}]}"u8.ToArray(), new TestLambdaContext()));
    }

    [Fact]
    public async Task InvokeAsync_TargetFailsForGood_ReportsLowestSequenceNumber()
    {
        Senders.ByTargetId["good"] = new FakeSender
        {
            Script = (_, entries) => [.. entries.Select((e, i) => (e, i)).Where(p => p.e.First >= 1).Select(p => new EntryFailure(p.i, "InternalFailure", "down", true))],
        };

        var response = await Function(Target("good")).InvokeAsync(StreamEvents.Kinesis([("k", "a"u8.ToArray()), ("k", "b"u8.ToArray()), ("k", "c"u8.ToArray())]), new TestLambdaContext());

        Assert.Equal($"{{\"batchItemFailures\":[{{\"itemIdentifier\":\"{StreamEvents.Sequence(1)}\"}}]}}", Encoding.UTF8.GetString(response));
    }
}

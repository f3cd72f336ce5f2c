using System.Net.Sockets;
using System.Text;
using Fanout.Delivery;
using Fanout.Tests.Delivery;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit.Runtime;

using Fanout.Tests.Support;

namespace Fanout.Tests.Hostile;

/// <summary>Issue 19, items 7 and 15: what Fanout did not deliver is said in a log line, not only in a metric.</summary>
public class SilentOutcomeTests : FakeSendersTestBase
{
    private static FanoutTarget Target(string id, string sourceArn = StreamEvents.SourceArn, bool active = true) => new()
    {
        SourceArn = sourceArn,
        Id = id,
        Type = FanoutTargetType.Kinesis,
        Destination = "out",
        Active = active,
    };

    private static byte[] ThreeRecords() => StreamEvents.Kinesis([("k", "a"u8.ToArray()), ("k", "b"u8.ToArray()), ("k", "c"u8.ToArray())]);

    [Fact]
    public async Task InvokeAsync_OnlyInactiveMapping_WarnsNamingSourceAndSequenceRange()
    {
        Senders.ByTargetId["off"] = new FakeSender();
        var context = new TestLambdaContext();

        var response = await Function(Target("off", active: false)).InvokeAsync(ThreeRecords(), context);

        Assert.Equal("{\"batchItemFailures\":[]}", Encoding.UTF8.GetString(response));
        var line = Assert.Single(context.Logger.Lines, l => l.Level == LambdaLogLevel.Warning);
        Assert.Contains("no active mapping", line.Message, StringComparison.Ordinal);
        Assert.Equal(StreamEvents.SourceArn, line.Fields["sourceArn"]);
        Assert.Equal(StreamEvents.Sequence(0), line.Fields["firstSequenceNumber"]);
        Assert.Equal(StreamEvents.Sequence(2), line.Fields["lastSequenceNumber"]);
        Assert.Equal("3", line.Fields["records"]);
    }

    [Fact]
    public async Task InvokeAsync_MappingForAnotherSource_WarnsOncePerBatch()
    {
        var context = new TestLambdaContext();

        await Function(Target("typo", sourceArn: StreamEvents.SourceArn + "x")).InvokeAsync(ThreeRecords(), context);

        var line = Assert.Single(context.Logger.Lines, l => l.Level == LambdaLogLevel.Warning);
        Assert.Equal(StreamEvents.SourceArn, line.Fields["sourceArn"]);
    }

    [Fact]
    public async Task InvokeAsync_TargetRefusesConnections_OneLinePerTargetWithLastError()
    {
        Senders.ByTargetId["down"] = new FakeSender { Throw = () => new HttpRequestException("Connection refused (127.0.0.1:9)", new SocketException((int)SocketError.ConnectionRefused)) };
        Senders.ByTargetId["up"] = new FakeSender();
        var context = new TestLambdaContext();

        var response = await Function(Target("down"), Target("up")).InvokeAsync(ThreeRecords(), context);

        Assert.Contains(StreamEvents.Sequence(0), Encoding.UTF8.GetString(response), StringComparison.Ordinal);
        var line = Assert.Single(context.Logger.Lines, l => l.Level == LambdaLogLevel.Error);
        Assert.Equal("kinesis:down", line.Fields["target"]);
        Assert.Contains("Connection refused", line.Fields["lastError"], StringComparison.Ordinal);
        Assert.Equal("3", line.Fields["undelivered"]);
        Assert.Contains("delivery failed with 3 undelivered", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_TargetRejectsEntriesUntilDeadline_SaysDeadlineReachedWithCount()
    {
        Senders.ByTargetId["slow"] = new FakeSender
        {
            Script = (_, entries) => [.. entries.Select((e, i) => (e, i)).Where(p => Encoding.UTF8.GetString(p.e.Body.Span) != "a").Select(p => new EntryFailure(p.i, "ProvisionedThroughputExceededException", "Rate exceeded for shard", true, true))],
        };

        // Two seconds left after the one-second margin: the backoff reaches the deadline before the attempts run out.
        var context = new TestLambdaContext { Deadline = DateTimeOffset.UtcNow.AddSeconds(3) };

        await Function(Target("slow")).InvokeAsync(ThreeRecords(), context);

        var line = Assert.Single(context.Logger.Lines, l => l.Level == LambdaLogLevel.Error);
        Assert.Equal("kinesis:slow", line.Fields["target"]);
        Assert.Contains("deadline reached with 2 undelivered", line.Message, StringComparison.Ordinal);
        Assert.Contains("Rate exceeded", line.Fields["lastError"], StringComparison.Ordinal);
    }
}

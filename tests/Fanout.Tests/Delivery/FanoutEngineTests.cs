using System.Text;
using System.Text.Json;
using Fanout.Delivery;
using Fanout.Metrics;
using Fanout.Records;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Harness.Kpl;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Runtime;

namespace Fanout.Tests.Delivery;

public class FanoutEngineTests
{
    private readonly SteppingTimeProvider _clock = new();
    private readonly FakeSenderFactory _senders = new();
    private readonly DeliveryLedger _ledger = new();
    private readonly RecordingLambdaLogger _logger = new();

    private FanoutEngine Engine(string? deadLetter = null) =>
        new(_senders, _ledger, new AwsRetryPolicy { TimeProvider = _clock, Random = () => 0.5 }, deadLetter);

    private static FanoutTarget Target(string id, FanoutTargetType type = FanoutTargetType.Kinesis, bool deaggregate = false) => new()
    {
        SourceArn = StreamEvents.SourceArn,
        Id = id,
        Type = type,
        Destination = "out-" + id,
        Active = true,
        Deaggregate = deaggregate,
    };

    private static SourceBatch Batch(int count, Func<int, string>? key = null) =>
        SourceReader.Read(StreamEvents.Kinesis(Enumerable.Range(0, count).Select(i => (key?.Invoke(i) ?? "k" + (i % 3), Encoding.UTF8.GetBytes("r" + i))))).Single();

    private Task<FanoutResult> RunAsync(SourceBatch batch, FanoutEngine engine, params FanoutTarget[] targets) =>
        engine.DeliverAsync(batch, targets, _clock.GetUtcNow().AddMinutes(1), _logger, new FanoutMetrics(_logger, _clock), CancellationToken.None);

    [Fact]
    public async Task DeliverAsync_PartialFailuresThenSuccess_DeliversEveryRecordAndLastCopiesInKeyOrder()
    {
        var sender = _senders.ByTargetId["a"] = new FakeSender
        {
            // First call: the 2nd and 4th entries are throttled; later calls take everything.
            Script = (call, entries) => call == 1 ? [new EntryFailure(1, "ProvisionedThroughputExceededException", "slow down", true, true), new EntryFailure(3, "InternalFailure", "oops", true)] : [],
        };

        var result = await RunAsync(Batch(6), Engine(), Target("a"));

        Assert.Null(result.FailedSequenceNumber);
        // r4 shares r1's key and was taken before r1: it is sent again after r1, so its last copy follows r1.
        Assert.Equal(["r0", "r2", "r4", "r5", "r1", "r3", "r4"], sender.Taken);
        Assert.Equal(2, sender.Calls);
        Assert.Equal(3, result.Outcomes[0].Retries);
        Assert.Equal(6, result.Outcomes[0].Delivered);
        Assert.Single(_clock.Sleeps);
    }

    [Fact]
    public async Task DeliverAsync_EntryFailsUntilDeadline_LaterSameKeyEntryHeldBackAndResentAfterIt()
    {
        // Keys k0 k1 k2 k0 k1 k2: r1 keeps failing in the first invocation; r4 (also k1) is taken by the same calls.
        var sender = _senders.ByTargetId["a"] = new FakeSender();
        var failing = true;
        sender.Script = (_, entries) => failing
            ? [.. entries.Select((entry, i) => (entry, i)).Where(p => Encoding.UTF8.GetString(p.entry.Body.Span) == "r1").Select(p => new EntryFailure(p.i, "InternalFailure", "down", true))]
            : [];
        var engine = Engine();
        var first = await RunAsync(Batch(6), engine, Target("a"));
        failing = false;

        var second = await RunAsync(Batch(6), engine, Target("a"));

        Assert.Equal(StreamEvents.Sequence(1), first.FailedSequenceNumber);
        // r4 was taken but must follow r1: not counted, not remembered, so Lambda's retry sends it again after r1.
        Assert.Equal(4, first.Outcomes[0].Delivered);
        Assert.Null(second.FailedSequenceNumber);
        Assert.Equal(3, second.Outcomes[0].Skipped);
        var keyOne = sender.Taken.Where(t => t is "r1" or "r4").ToList();
        Assert.Equal(["r1", "r4"], keyOne[^2..]);
    }

    [Fact]
    public async Task DeliverAsync_UnorderedTargetPartialFailure_LaterSameKeyEntryCountedAtOnce()
    {
        var sender = _senders.ByTargetId["a"] = new FakeSender(ordered: false)
        {
            Script = (call, _) => call == 1 ? [new EntryFailure(1, "InternalFailure", "oops", true)] : [],
        };

        var result = await RunAsync(Batch(6), Engine(), Target("a", FanoutTargetType.Firehose));

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal(["r0", "r2", "r3", "r4", "r5", "r1"], sender.Taken);
        Assert.Equal(1, result.Outcomes[0].Retries);
    }

    [Fact]
    public async Task DeliverAsync_OneTargetAlwaysFails_HealthyTargetGetsAllAndLowestFailureIsReported()
    {
        var healthy = _senders.ByTargetId["healthy"] = new FakeSender();
        _senders.ByTargetId["broken"] = new FakeSender
        {
            Script = (_, entries) => [.. entries.Select((e, i) => (e, i)).Where(p => p.e.First >= 4).Select(p => new EntryFailure(p.i, "InternalFailure", "down", true))],
        };

        var result = await RunAsync(Batch(10), Engine(), Target("healthy"), Target("broken"));

        Assert.Equal(StreamEvents.Sequence(4), result.FailedSequenceNumber);
        Assert.Equal(10, healthy.Taken.Count);
        Assert.Equal(6, _ledger.Count);
    }

    [Fact]
    public async Task DeliverAsync_RetryAfterFailure_HealthyTargetDoesNotReceiveAgain()
    {
        var healthy = _senders.ByTargetId["healthy"] = new FakeSender();
        var flaky = _senders.ByTargetId["flaky"] = new FakeSender();
        var failing = true;
        flaky.Script = (_, entries) => failing ? [.. entries.Select((_, i) => new EntryFailure(i, "InternalFailure", "down", true))] : [];
        var engine = Engine();
        var first = await RunAsync(Batch(5), engine, Target("healthy"), Target("flaky"));
        failing = false;

        // Lambda retries from the reported record: here, the whole batch.
        var second = await RunAsync(Batch(5), engine, Target("healthy"), Target("flaky"));

        Assert.Equal(StreamEvents.Sequence(0), first.FailedSequenceNumber);
        Assert.Null(second.FailedSequenceNumber);
        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], healthy.Taken);
        Assert.Equal(["r0", "r1", "r2", "r3", "r4"], flaky.Taken);
        Assert.Equal(5, second.Outcomes[0].Skipped);
    }

    [Fact]
    public async Task DeliverAsync_OrderedTargetFailsMidway_StopsSoLaterRecordsDoNotOvertake()
    {
        var records = Enumerable.Range(0, 1200).Select(i => ("same-key", Encoding.UTF8.GetBytes("r" + i)));
        var batch = SourceReader.Read(StreamEvents.Kinesis(records)).Single();
        var sender = _senders.ByTargetId["a"] = new FakeSender
        {
            // The second PutRecords call (records 500..999) never gets through.
            Script = (_, entries) => entries[0].First >= 500 ? [.. entries.Select((_, i) => new EntryFailure(i, "InternalFailure", "down", true))] : [],
        };

        var result = await RunAsync(batch, Engine(), Target("a"));

        Assert.Equal(StreamEvents.Sequence(500), result.FailedSequenceNumber);
        Assert.Equal(500, sender.Taken.Count);
        Assert.DoesNotContain("r1000", sender.Taken);
    }

    [Fact]
    public async Task DeliverAsync_OversizedRecord_GoesToDeadLetterWithReasonAndDoesNotBlock()
    {
        var big = new byte[1024 * 1024 + 1];
        var batch = SourceReader.Read(StreamEvents.Kinesis([("k", "small"u8.ToArray()), ("k", big), ("k", "after"u8.ToArray())])).Single();
        var sender = _senders.ByTargetId["a"] = new FakeSender();

        var result = await RunAsync(batch, Engine(deadLetter: "https://sqs.us-east-1.amazonaws.com/123456789012/dlq"), Target("a"));

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal(["small", "after"], sender.Taken);
        using var message = JsonDocument.Parse(Assert.Single(_senders.DeadLetter.Taken));
        Assert.Equal("Oversized", message.RootElement.GetProperty("kind").GetString());
        Assert.Equal(StreamEvents.Sequence(1), message.RootElement.GetProperty("sequenceNumber").GetString());
        Assert.Contains("exceeds", message.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, result.DeadLettered);
    }

    [Fact]
    public async Task DeliverAsync_CorruptAggregate_DeadLetteredAndOthersDeaggregated()
    {
        var good = KplAggregator.Aggregate([new("u1", null, "one"u8.ToArray()), new("u2", null, "two"u8.ToArray())]);
        var corrupt = KplAggregator.Aggregate([new("u3", null, "three"u8.ToArray())]);
        corrupt[^3] ^= 1;
        var batch = SourceReader.Read(StreamEvents.Kinesis([("p", good), ("p", corrupt), ("p", "plain"u8.ToArray())])).Single();
        var sender = _senders.ByTargetId["a"] = new FakeSender();

        var result = await RunAsync(batch, Engine(deadLetter: "https://sqs.us-east-1.amazonaws.com/123456789012/dlq"), Target("a", deaggregate: true));

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal(["one", "two", "plain"], sender.Taken);
        using var message = JsonDocument.Parse(Assert.Single(_senders.DeadLetter.Taken));
        Assert.Equal("Corrupt", message.RootElement.GetProperty("kind").GetString());
        Assert.Contains("MD5", message.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeliverAsync_KplUserRecordFails_ReportsParentSequenceNumber()
    {
        var aggregate = KplAggregator.Aggregate([new("u1", null, "one"u8.ToArray()), new("u2", null, "two"u8.ToArray())]);
        var batch = SourceReader.Read(StreamEvents.Kinesis([("p", "zero"u8.ToArray()), ("p", aggregate)])).Single();
        _senders.ByTargetId["a"] = new FakeSender
        {
            Script = (_, entries) => [.. entries.Select((e, i) => (e, i)).Where(p => Encoding.UTF8.GetString(p.e.Body.Span) == "two").Select(p => new EntryFailure(p.i, "InternalFailure", "down", true))],
        };

        var result = await RunAsync(batch, Engine(), Target("a", deaggregate: true));

        Assert.Equal(StreamEvents.Sequence(1), result.FailedSequenceNumber);
    }

    [Fact]
    public async Task DeliverAsync_EntryRejectedForGood_DeadLetteredNotRetried()
    {
        var sender = _senders.ByTargetId["q"] = new FakeSender(ordered: false)
        {
            Script = (_, entries) => [.. entries.Select((e, i) => (e, i)).Where(p => p.e.First == 2).Select(p => new EntryFailure(p.i, "InvalidMessageContents", "bad", Retryable: false))],
        };

        var result = await RunAsync(Batch(12), Engine(deadLetter: "https://sqs.us-east-1.amazonaws.com/123456789012/dlq"), Target("q", FanoutTargetType.Sqs));

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal(2, sender.Calls);
        Assert.Equal(11, sender.Taken.Count);
        Assert.Single(_senders.DeadLetter.Taken);
    }

    [Fact]
    public async Task DeliverAsync_SqsTarget_BatchesOfTenAndEmfLinePerTarget()
    {
        var sender = _senders.ByTargetId["q"] = new FakeSender(ordered: false);

        await RunAsync(Batch(95), Engine(), Target("q", FanoutTargetType.Sqs));

        Assert.Equal(10, sender.Calls);
        var line = Assert.Single(_logger.Lines, l => l.Message.Contains("\"Target\":\"sqs:q\"", StringComparison.Ordinal));
        using var emf = JsonDocument.Parse(line.Message);
        Assert.Equal(95, emf.RootElement.GetProperty("Delivered").GetInt32());
        Assert.Equal(10, emf.RootElement.GetProperty("Calls").GetInt32());
        Assert.Equal(FanoutMetrics.Namespace, emf.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString());
    }

    [Fact]
    public async Task DeliverAsync_RetriesRunOutBeforeDeadline_FailsBatchWithoutDeadLetter()
    {
        _senders.ByTargetId["a"] = new FakeSender { Script = (_, entries) => [.. entries.Select((_, i) => new EntryFailure(i, "InternalFailure", "down", true))] };

        var result = await RunAsync(Batch(3), Engine(deadLetter: "https://sqs.us-east-1.amazonaws.com/123456789012/dlq"), Target("a"));

        Assert.Equal(StreamEvents.Sequence(0), result.FailedSequenceNumber);
        Assert.Empty(_senders.DeadLetter.Taken);
    }

    [Fact]
    public async Task DeliverAsync_DeadLetterQueueThrottledUntilDeadline_ShortfallSaysDeadlineAndCountsTheRecord()
    {
        var corrupt = KplAggregator.Aggregate([new("u1", null, "one"u8.ToArray())]);
        corrupt[^3] ^= 1;
        var batch = SourceReader.Read(StreamEvents.Kinesis([("p", corrupt), ("p", "plain"u8.ToArray())])).Single();
        _senders.ByTargetId["a"] = new FakeSender();
        _senders.DeadLetter.Script = (_, entries) => [.. entries.Select((_, i) => new EntryFailure(i, "RequestThrottled", "slow down", Retryable: true, Throttled: true))];

        var result = await Engine(deadLetter: "https://sqs.us-east-1.amazonaws.com/123456789012/dlq")
            .DeliverAsync(batch, [Target("a", deaggregate: true)], _clock.GetUtcNow().AddSeconds(2), _logger, new FanoutMetrics(_logger, _clock), CancellationToken.None);

        Assert.Equal(StreamEvents.Sequence(0), result.FailedSequenceNumber);
        var shortfall = Assert.Single(_logger.Lines, l => l.Message.StartsWith("Target ", StringComparison.Ordinal));
        Assert.Contains("deadline reached with 1 undelivered", shortfall.Message, StringComparison.Ordinal);
        Assert.Equal("dead-letter queue: RequestThrottled: slow down", shortfall.Fields["lastError"]);
        Assert.DoesNotContain(_logger.Lines, l => l.Message.Contains("sent to the dead-letter queue", StringComparison.Ordinal));
    }
}


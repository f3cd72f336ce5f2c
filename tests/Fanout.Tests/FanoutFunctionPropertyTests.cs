using System.Text;
using System.Text.Json;
using Fanout.Config;
using Fanout.Delivery;
using Fanout.Tests.Delivery;
using Fanout.Tests.Hostile;
using Fanout.Tests.Records;
using Fanout.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Mutation;
using LambdaSuite.TestKit.Runtime;

namespace Fanout.Tests;

/// <summary>
/// Issue 19, "Also", through the whole handler: one record made unreadable inside a well-formed event is dead-lettered
/// alone and its neighbours are delivered, with no batch item failure that would hold the shard; any damage to the
/// bytes ends in a response or the one typed <see cref="LambdaEventException"/>, never another exception.
/// </summary>
public sealed class FanoutFunctionPropertyTests
{
    private const string NoFailures = "{\"batchItemFailures\":[]}";

    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(5);

    private static (FanoutFunction Function, FakeSender Sender, FakeSenderFactory Senders) Function(string sourceArn, bool convert)
    {
        var clock = new SteppingTimeProvider();
        var senders = new FakeSenderFactory();
        var sender = senders.ByTargetId["out"] = new FakeSender();
        var target = new FanoutTarget { SourceArn = sourceArn, Id = "out", Type = FanoutTargetType.Kinesis, Destination = "out", Active = true, ConvertDdb = convert };
        var engine = new FanoutEngine(senders, new DeliveryLedger(), new AwsRetryPolicy { TimeProvider = clock, Random = () => 0.5 }, "dlq");
        return (new FanoutFunction(new StaticTargetSource([target]), engine, TimeSpan.FromSeconds(1), clock), sender, senders);
    }

    [Property(MaxTest = 200)]
    public Property InvokeAsync_OneDynamoDbAttributeReplaced_NeighboursDeliveredNoRecordHeld() =>
        Prop.ForAll(Arb.From(SourceReaderPropertyTests.AttributeValue.SelectMany(value => Gen.Elements(false, true).Select(convert => (value, convert)))), input => Bounded(async () =>
        {
            var (function, sender, senders) = Function(DynamoDbEvents.SourceArn, input.convert);
            var json = DynamoDbEvents.Event(
                DynamoDbEvents.Record(0, DynamoDbEvents.Plain(0)),
                DynamoDbEvents.Record(1, $$"""{"id":{"S":"k1"},"x":{{input.value}}}"""),
                DynamoDbEvents.Record(2, DynamoDbEvents.Plain(2)));

            var response = Encoding.UTF8.GetString(await function.InvokeAsync(json, new TestLambdaContext()));

            return response == NoFailures
                && sender.Taken.Count + senders.DeadLetter.Taken.Count == 3
                && sender.Taken.Any(m => m.Contains(DynamoDbEvents.Sequence(0), StringComparison.Ordinal))
                && sender.Taken.Any(m => m.Contains(DynamoDbEvents.Sequence(2), StringComparison.Ordinal));
        }));

    [Property(MaxTest = 200)]
    public Property InvokeAsync_OneKinesisRecordsDataReplaced_NeighboursDeliveredNoRecordHeld() =>
        Prop.ForAll(Arb.From(SourceReaderPropertyTests.Base64ish), data => Bounded(async () =>
        {
            var (function, sender, senders) = Function(StreamEvents.SourceArn, convert: false);
            var json = Encoding.UTF8.GetString(StreamEvents.Kinesis([("a", "one"u8.ToArray()), ("b", "middle"u8.ToArray()), ("c", "three"u8.ToArray())]))
                .Replace("\"bWlkZGxl\"", JsonSerializer.Serialize(data), StringComparison.Ordinal);

            var response = Encoding.UTF8.GetString(await function.InvokeAsync(Encoding.UTF8.GetBytes(json), new TestLambdaContext()));

            return response == NoFailures && sender.Taken.Count + senders.DeadLetter.Taken.Count == 3;
        }));

    [Property(MaxTest = 300)]
    public Property InvokeAsync_RandomMutationsOfValidEvents_ResponseOrLambdaEventException() =>
        Prop.ForAll(Arb.From(Gen.Elements(false, true).SelectMany(kinesis => SourceReaderPropertyTests.Steps.Select(steps => (kinesis, steps)))), input => Bounded(async () =>
        {
            var valid = input.kinesis
                ? StreamEvents.Kinesis([("a", "one"u8.ToArray()), ("b", "two"u8.ToArray())])
                : DynamoDbEvents.Event(DynamoDbEvents.Record(0, DynamoDbEvents.Plain(0)), DynamoDbEvents.Record(1, DynamoDbEvents.Nested(1, 4)));
            var (function, _, _) = Function(input.kinesis ? StreamEvents.SourceArn : DynamoDbEvents.SourceArn, convert: true);
            var json = ByteMutator.Apply(valid, input.steps, "\"{}[],:\\nul0-9eAQ=="u8, maxLength: 1 << 20);

            try
            {
                using var response = JsonDocument.Parse(await function.InvokeAsync(json, new TestLambdaContext()));
                return response.RootElement.TryGetProperty("batchItemFailures", out _);
            }
            catch (LambdaEventException error)
            {
                return error.Message.Length > 0;
            }
        }));

    private static bool Bounded(Func<Task<bool>> check)
    {
        var run = Task.Run(check);
        if (!run.Wait(s_bound))
        {
            throw new TimeoutException($"the invocation did not end within {s_bound.TotalSeconds} s");
        }

        return run.Result;
    }
}

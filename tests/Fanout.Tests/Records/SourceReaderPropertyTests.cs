using System.Text;
using System.Text.Json;
using Fanout.Records;
using Fanout.Tests.Hostile;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LambdaSuite.Events;
using LambdaSuite.Harness.Kpl;
using LambdaSuite.TestKit.Mutation;

namespace Fanout.Tests.Records;

/// <summary>
/// Issue 19, "Also": the Kinesis and DynamoDB Streams event readers under damaged events. Any damage to the bytes
/// gives batches every part of which can be read (records, deaggregated records, converted records) or one
/// <see cref="InvalidEventException"/>, within a bounded time. Damage that leaves the event well-formed JSON but makes
/// one record unreadable (data that is not base64, an attribute with an odd, unknown or double type, a number that
/// is not one) is that record's problem alone: its neighbours are read intact.
/// </summary>
public sealed class SourceReaderPropertyTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(5);

    private static readonly byte[][] s_valid =
    [
        StreamEvents.Kinesis([("a", "one"u8.ToArray()), ("b", KplAggregator.Aggregate([new("u1", null, "x"u8.ToArray()), new("u2", "7", "y"u8.ToArray())])), ("c", "three"u8.ToArray())]),
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Events", "dynamodb-insert-modify-remove.json")),
        DynamoDbEvents.Event(DynamoDbEvents.Record(0, DynamoDbEvents.Plain(0)), DynamoDbEvents.Record(1, DynamoDbEvents.Nested(1, 6)), DynamoDbEvents.Record(2, DynamoDbEvents.Plain(2))),
    ];

    internal static Gen<(int, int, int)[]> Steps =>
        Gen.Choose(0, ByteMutator.Kinds - 1).SelectMany(kind => Gen.Choose(0, int.MaxValue).SelectMany(position => Gen.Choose(0, int.MaxValue).Select(operand => (kind, position, operand))))
            .NonEmptyListOf().Select(steps => steps.Take(8).ToArray());

    private static Gen<string> Text(string alphabet) => Gen.Elements(alphabet.ToCharArray()).ListOf().Select(cs => string.Concat(cs.Take(24)));

    internal static Gen<string> Numberish => Text("0123456789.-+eE xNaI,");

    internal static Gen<string> Base64ish => Text("QUJDRA==+/_-\\u0041 \n!\u00e9");

    /// <summary>A DynamoDB attribute value as typed JSON: mostly plausible, often wrong in one way.</summary>
    internal static Gen<string> AttributeValue => Gen.Sized(size => AttributeValueOf(Math.Min(size, 3)));

    [Fact]
    public void Read_UnmutatedSeeds_EveryRecordRead()
    {
        var counts = s_valid.Select(seed => SourceReader.Read(seed).Sum(batch => batch.Converted().Length)).ToArray();

        Assert.Equal([3, 3, 3], counts);
    }

    /// <summary>Found by the property below: a byte that is not UTF-8 inside a string the shape detector reads escaped as an InvalidOperationException.</summary>
    [Fact]
    public void Read_InvalidUtf8InEventSource_ThrowsInvalidEventException()
    {
        var json = DynamoDbEvents.Event(DynamoDbEvents.Record(0, DynamoDbEvents.Plain(0)));
        var at = Encoding.UTF8.GetString(json).IndexOf("aws:dynamodb", StringComparison.Ordinal) + 10;
        json[at] = 0xC0;

        var error = Assert.Throws<InvalidEventException>(() => SourceReader.Read(json));

        Assert.Contains("not well-formed JSON", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Found by the property below: a sequence number that is not UTF-8 escaped the record-by-record reader as an InvalidOperationException.</summary>
    [Fact]
    public void Read_InvalidUtf8InSequenceNumber_ThrowsInvalidEventException()
    {
        var json = DynamoDbEvents.Event(DynamoDbEvents.Record(0, DynamoDbEvents.Plain(0)), DynamoDbEvents.Record(1, DynamoDbEvents.Plain(1)));
        var at = Encoding.UTF8.GetString(json).IndexOf(DynamoDbEvents.Sequence(1), StringComparison.Ordinal) + 3;
        json[at] = 0xF9;

        var error = Assert.Throws<InvalidEventException>(() => SourceReader.Read(json));

        Assert.Contains("no SequenceNumber", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Found by the property below: an attribute name or string value that is not UTF-8 passed the fast DynamoDB
    /// Streams reader (its writer put U+FFFD in) while the full reader made that record a problem, so asking for the
    /// typed form failed the whole batch. Now the full reader reads such an event: that record alone is a problem.
    /// </summary>
    [Theory]
    [InlineData("\"id\":{\"S\":\"k1\"}", 2)]
    [InlineData("\"k1\"", 2)]
    public void Read_InvalidUtf8InOneImage_ThatRecordAloneIsAProblem(string marker, int offset)
    {
        var json = DynamoDbEvents.Event(
            DynamoDbEvents.Record(0, DynamoDbEvents.Plain(0)),
            DynamoDbEvents.Record(1, """{"id":{"S":"k1"},"x":{"S":"v"}}"""),
            DynamoDbEvents.Record(2, DynamoDbEvents.Plain(2)));
        var text = Encoding.UTF8.GetString(json);
        var image = text.IndexOf("NewImage", text.IndexOf("e1", StringComparison.Ordinal), StringComparison.Ordinal);
        json[Encoding.UTF8.GetByteCount(text[..text.IndexOf(marker, image, StringComparison.Ordinal)]) + offset] = 0xC0;

        using var batch = Assert.Single(SourceReader.Read(json));
        var typed = batch.Records;
        var plain = batch.Converted();

        Assert.Equal([0, 2], typed.Select(r => r.ParentIndex));
        Assert.Equal([0, 2], plain.Select(r => r.ParentIndex));
        Assert.Equal(1, Assert.Single(batch.ReadProblems).ParentIndex);
    }

    /// <summary>Found by the property below: an attribute whose value is JSON null was read as a null value and crashed the plain conversion of the whole batch.</summary>
    [Fact]
    public void Converted_AttributeValueJsonNull_ThatRecordAloneIsAProblem()
    {
        var json = DynamoDbEvents.Event(
            DynamoDbEvents.Record(0, DynamoDbEvents.Plain(0)),
            DynamoDbEvents.Record(1, """{"id":{"S":"k1"},"x":null}"""),
            DynamoDbEvents.Record(2, DynamoDbEvents.Plain(2)));

        var batch = Assert.Single(SourceReader.Read(json));

        Assert.Equal([0, 2], batch.Converted().Select(r => r.ParentIndex));
        var problem = Assert.Single(batch.ReadProblems);
        Assert.Equal(1, problem.ParentIndex);
        Assert.Contains("must be a JSON object", problem.Reason, StringComparison.Ordinal);
    }

    [Property(MaxTest = 600)]
    public Property Read_RandomMutationsOfValidEvents_ReadableBatchesOrInvalidEventException() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, s_valid.Length - 1).SelectMany(i => Steps.Select(steps => ByteMutator.Apply(s_valid[i], steps, s_valid[(i + 1) % s_valid.Length], maxLength: 1 << 20)))), json => Bounded(() =>
        {
            IReadOnlyList<SourceBatch> batches;
            try
            {
                batches = SourceReader.Read(json);
            }
            catch (InvalidEventException error)
            {
                return error.Message.Length > 0;
            }

            return batches.All(Readable);
        }));

    [Property(MaxTest = 400)]
    public Property Read_OneKinesisRecordsDataReplaced_NeighboursReadIntact() =>
        Prop.ForAll(Arb.From(Base64ish), data => Bounded(() =>
        {
            var json = Encoding.UTF8.GetString(StreamEvents.Kinesis([("a", "one"u8.ToArray()), ("b", "middle"u8.ToArray()), ("c", "three"u8.ToArray())]))
                .Replace("\"bWlkZGxl\"", JsonSerializer.Serialize(data), StringComparison.Ordinal);

            var batch = Assert.Single(SourceReader.Read(Encoding.UTF8.GetBytes(json)));

            // Readable disposes the batch (its records are emptied and its buffers returned): it goes last.
            return batch.Count == 3
                && batch.Records.Any(r => r.ParentIndex == 0 && r.Data.Span.SequenceEqual("one"u8))
                && batch.Records.Any(r => r.ParentIndex == 2 && r.Data.Span.SequenceEqual("three"u8))
                && batch.Records.Count(r => r.ParentIndex == 1) + batch.ReadProblems.Count(p => p.ParentIndex == 1) == 1
                && Readable(batch);
        }));

    [Property(MaxTest = 400)]
    public Property Read_OneDynamoDbAttributeReplaced_NeighboursReadIntact() =>
        Prop.ForAll(Arb.From(AttributeValue), value => Bounded(() =>
        {
            var json = DynamoDbEvents.Event(
                DynamoDbEvents.Record(0, DynamoDbEvents.Plain(0)),
                DynamoDbEvents.Record(1, $$"""{"id":{"S":"k1"},"x":{{value}}}"""),
                DynamoDbEvents.Record(2, DynamoDbEvents.Plain(2)));

            var batch = Assert.Single(SourceReader.Read(json));

            var typed = batch.Records;
            var plain = batch.Converted();
            // Readable disposes the batch (its records are emptied and its buffers returned): it goes last.
            return batch.Count == 3
                && typed.Length == plain.Length
                && plain.Any(r => r.ParentIndex == 0) && plain.Any(r => r.ParentIndex == 2)
                && plain.Count(r => r.ParentIndex == 1) + batch.ReadProblems.Count(p => p.ParentIndex == 1) == 1
                && Readable(batch);
        }));

    /// <summary>Every view of the batch can be taken, and every event record is a record or a problem with a reason.</summary>
    private static bool Readable(SourceBatch batch)
    {
        using (batch)
        {
            var (records, problems) = batch.Deaggregated();
            var converted = batch.Converted();
            var parents = converted.Select(r => r.ParentIndex).Concat(batch.ReadProblems.Select(p => p.ParentIndex)).Distinct().Count();
            return batch.SequenceNumbers.Length == batch.Count
                && parents == batch.Count
                && records.Length + problems.Length >= batch.Records.Length
                && batch.ReadProblems.Concat(problems).All(p => p.Reason.Length > 0);
        }
    }

    private static Gen<string> AttributeValueOf(int depth)
    {
        var scalars = Gen.OneOf(
            Text("abc \"\\\u00e9").Select(s => $$"""{"S":{{JsonSerializer.Serialize(s)}}}"""),
            Numberish.Select(n => $$"""{"N":{{JsonSerializer.Serialize(n)}}}"""),
            Base64ish.Select(b => $$"""{"B":{{JsonSerializer.Serialize(b)}}}"""),
            Gen.Elements("""{"BOOL":true}""", """{"BOOL":"yes"}""", """{"NULL":true}""", """{"NULL":false}""", """{"N":5}""", """{"S":null}"""),
            Numberish.ListOf().Select(ns => $$"""{"NS":{{JsonSerializer.Serialize(ns.Take(4).ToArray())}}}"""),
            Base64ish.ListOf().Select(bs => $$"""{"BS":{{JsonSerializer.Serialize(bs.Take(4).ToArray())}}}"""),
            Gen.Elements("""{"SS":["a","b"]}""", """{"SS":[]}""", """{"SS":"a"}"""),
            Gen.Elements("""{"Q":"x"}""", """{"S":"a","N":"1"}""", "{}", "[]", "\"s\"", "5", "null", """{"M":null}""", """{"L":{}}"""));
        if (depth <= 0)
        {
            return scalars;
        }

        var inner = AttributeValueOf(depth - 1);
        return Gen.Frequency(
            (3, scalars),
            (1, inner.ListOf().Select(items => $$"""{"L":[{{string.Join(",", items.Take(3))}}]}""")),
            (1, inner.Select(v => "{\"M\":{\"a\":" + v + "}}")));
    }

    private static bool Bounded(Func<bool> check)
    {
        var run = Task.Run(check);
        if (!run.Wait(s_bound))
        {
            throw new TimeoutException($"reading the event did not end within {s_bound.TotalSeconds} s");
        }

        return run.Result;
    }
}

using System.Text;
using System.Text.Json.Nodes;
using Fanout.Records;
using LambdaSuite.Events;

namespace Fanout.Tests.Records;

public class KinesisEventReaderTests
{
    private const string Arn = "arn:aws:kinesis:us-east-1:123456789012:stream/source";

    private static byte[] Event(params string[] records) =>
        Encoding.UTF8.GetBytes("{\"Records\":[" + string.Join(",", records) + "]}");

    private static string KinesisRecord(string data, string sequence = "1", string key = "k", string arn = Arn) =>
        $"{{\"kinesis\":{{\"partitionKey\":\"{key}\",\"sequenceNumber\":\"{sequence}\",\"data\":{data},\"approximateArrivalTimestamp\":1.5}},\"eventSource\":\"aws:kinesis\",\"eventID\":\"shardId-0:{sequence}\",\"eventSourceARN\":\"{arn}\"}}";

    [Fact]
    public void Read_PlainData_DecodedAndTokenKeptAsRangeOfTheEvent()
    {
        var json = Event(KinesisRecord("\"b25l\""), KinesisRecord("\"dHdvIQ==\"", "2", "other"));

        var batch = Assert.Single(KinesisEventReader.Read(json));

        Assert.Equal(["one", "two!"], batch.Records.Select(r => Encoding.UTF8.GetString(r.Data.Span)));
        Assert.Equal("\"dHdvIQ==\"", Encoding.UTF8.GetString(batch.Records[1].QuotedBase64Data.Span));
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(batch.Records[0].QuotedBase64Data, out var segment) && ReferenceEquals(segment.Array, json));
        Assert.Equal(["1", "2"], batch.SequenceNumbers);
        Assert.Equal(["k", "other"], batch.Records.Select(r => r.PartitionKey));
    }

    [Fact]
    public void Read_EscapedData_DecodedWithoutPassThroughToken()
    {
        var json = Event(KinesisRecord("\"dH\\u0064v\""));

        var record = Assert.Single(Assert.Single(KinesisEventReader.Read(json)).Records);

        Assert.Equal("two", Encoding.UTF8.GetString(record.Data.Span));
        Assert.True(record.QuotedBase64Data.IsEmpty);
    }

    [Fact]
    public void IsBase64_RandomText_SameVerdictAsTheDecoder()
    {
        var random = new Random(11);
        var characters = "AZaz09+/=QRw-_ \n".Select(c => (byte)c).ToArray();
        var output = new byte[16];
        var disagreements = new List<string>();

        for (var i = 0; i < 200_000; i++)
        {
            var text = new byte[random.Next(0, 13)];
            for (var j = 0; j < text.Length; j++)
            {
                text[j] = characters[random.Next(characters.Length)];
            }

            // The decoder also takes canonical base64 with whitespace in it; the reader decodes that apart.
            var decodes = System.Buffers.Text.Base64.DecodeFromUtf8(text, output, out _, out _) == System.Buffers.OperationStatus.Done;
            var canonical = KinesisEventReader.IsBase64(text);
            if (canonical ? !decodes : decodes && text.AsSpan().IndexOfAny(" \n"u8) < 0)
            {
                disagreements.Add(Encoding.ASCII.GetString(text));
            }
        }

        Assert.Empty(disagreements);
    }

    [Fact]
    public void Read_RecordWithoutDataField_EmptyDataAndOthersStillDecoded()
    {
        var json = Event("{\"kinesis\":{\"partitionKey\":\"k\",\"sequenceNumber\":\"1\"},\"eventSourceARN\":\"" + Arn + "\"}", KinesisRecord("\"YWJj\"", "2"));

        var records = Assert.Single(KinesisEventReader.Read(json)).Records;

        Assert.Equal(0, records[0].Data.Length);
        Assert.True(records[0].QuotedBase64Data.IsEmpty);
        Assert.Equal("abc", Encoding.UTF8.GetString(records[1].Data.Span));
        Assert.Empty(records[0].Data.ToArray());
    }

    [Fact]
    public void Read_DataWithSpaces_DecodedAsTheDecoderDoesAndNotForwardedAsText()
    {
        var json = Event(KinesisRecord("\"YW Jj\""));

        var record = Assert.Single(Assert.Single(KinesisEventReader.Read(json)).Records);

        Assert.Equal("abc", Encoding.UTF8.GetString(record.Data.Span));
        Assert.True(record.QuotedBase64Data.IsEmpty);
    }

    [Fact]
    public void Read_EveryPaddingLength_DataLengthsRightAndBytesDecodedWhenRead()
    {
        byte[][] payloads = [[], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4], [.. Enumerable.Range(0, 300).Select(i => (byte)i)]];
        var json = Event([.. payloads.Select((p, i) => KinesisRecord("\"" + Convert.ToBase64String(p) + "\"", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))]);

        using var batch = Assert.Single(KinesisEventReader.Read(json));

        Assert.Equal(payloads.Select(p => p.Length), batch.Records.Select(r => r.Data.Length));
        Assert.Equal(payloads, batch.Records.Select(r => r.Data.ToArray()));
        Assert.Empty(batch.ReadProblems);
    }

    [Fact]
    public void Dispose_AfterReadAndDeaggregate_RecordArraysEmptied()
    {
        // A 10,000-record array lives on the large object heap until a gen2 collection: emptied at Dispose, a dead
        // one no longer keeps its invocation's young objects (key strings, the lazy data) alive through the next ones.
        var batch = Assert.Single(KinesisEventReader.Read(Event(KinesisRecord("\"YQ==\"", "1", "device-1"), KinesisRecord("\"Yg==\"", "2", "device-2"))));
        var records = batch.Records;
        var (users, _) = batch.Deaggregated();
        Assert.Equal("device-2", records[1].PartitionKey);

        batch.Dispose();

        Assert.All(records, r => Assert.Null(r.PartitionKey));
        Assert.All(users, r => Assert.True(r.Data.IsEmpty));
    }

    [Fact]
    public void Read_SequenceNumbersEscapedOrNotAscii_ReadAsTheirText()
    {
        var json = Event(KinesisRecord("\"YQ==\"", "10"), KinesisRecord("\"Yg==\"", "2\\u0030"), KinesisRecord("\"Yw==\"", "3é"));

        var batch = Assert.Single(KinesisEventReader.Read(json));

        Assert.Equal(3, batch.SequenceNumbers.Length);
        Assert.Equal(["10", "20", "3é"], batch.SequenceNumbers);
        Assert.Equal("3é", batch.SequenceNumbers[^1]);
        Assert.Same(batch.SequenceNumbers[0], batch.SequenceNumbers[0]);
    }

    [Fact]
    public void Read_RepeatedKeysAndSources_OneStringPerDistinctValueWithTheSameText()
    {
        var json = Event(
            KinesisRecord("\"YQ==\"", "1", "device-7"),
            KinesisRecord("\"Yg==\"", "2", "device-8"),
            KinesisRecord("\"Yw==\"", "3", "device-7"),
            KinesisRecord("\"ZA==\"", "4", "d\\u00e9vice"),
            KinesisRecord("\"ZQ==\"", "5", "dévice"));

        var records = Assert.Single(KinesisEventReader.Read(json)).Records;

        Assert.Equal(["device-7", "device-8", "device-7", "dévice", "dévice"], records.Select(r => r.PartitionKey));
        Assert.Same(records[0].PartitionKey, records[2].PartitionKey);
    }

    [Fact]
    public void Read_SequenceNumberNullOrNumber_ThrowsInvalidEvent()
    {
        var nullSequence = Event("{\"kinesis\":{\"partitionKey\":\"k\",\"sequenceNumber\":null,\"data\":\"YQ==\"},\"eventSourceARN\":\"" + Arn + "\"}");
        var numberSequence = Event("{\"kinesis\":{\"partitionKey\":\"k\",\"sequenceNumber\":17,\"data\":\"YQ==\"},\"eventSourceARN\":\"" + Arn + "\"}");

        var first = Assert.Throws<InvalidEventException>(() => KinesisEventReader.Read(nullSequence));
        Assert.Throws<InvalidEventException>(() => KinesisEventReader.Read(numberSequence));

        Assert.Contains("sequenceNumber", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TwoSources_OneBatchEachInOrderOfFirstRecord()
    {
        var other = Arn.Replace("source", "second", StringComparison.Ordinal);
        var json = Event(KinesisRecord("\"YQ==\"", "1", arn: other), KinesisRecord("\"Yg==\"", "2"), KinesisRecord("\"Yw==\"", "3", arn: other));

        var batches = KinesisEventReader.Read(json);

        Assert.Equal([other, Arn], batches.Select(b => b.SourceArn));
        Assert.Equal(["a", "c"], batches[0].Records.Select(r => Encoding.UTF8.GetString(r.Data.Span)));
        Assert.Equal([0, 1], batches[0].Records.Select(r => r.ParentIndex));
    }

    [Theory]
    [InlineData("\"b25l!\"", "b25l!")]
    [InlineData("\"b25\"", "b25")]
    [InlineData("\"\\u0021!!!\"", "\\u0021!!!")]
    public void Read_DataNotBase64_ThatRecordAloneIsAReadProblem(string data, string text)
    {
        var batch = Assert.Single(KinesisEventReader.Read(Event(KinesisRecord(data))));

        Assert.Empty(batch.Records);
        var problem = Assert.Single(batch.ReadProblems);
        Assert.Equal(RecordProblemKind.Undecodable, problem.Kind);
        Assert.Equal(text, Encoding.UTF8.GetString(problem.Data.Span));
        Assert.Contains("not base64", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FieldOfWrongType_ThrowsInvalidEvent()
    {
        var numberKey = Event("{\"kinesis\":{\"partitionKey\":5,\"sequenceNumber\":\"1\",\"data\":\"YQ==\"},\"eventSourceARN\":\"" + Arn + "\"}");
        var numberData = Event(KinesisRecord("17"));

        Assert.Throws<InvalidEventException>(() => KinesisEventReader.Read(numberKey));
        Assert.Throws<InvalidEventException>(() => KinesisEventReader.Read(numberData));
    }

    [Fact]
    public void Read_NoSequenceNumberOrSourceArn_ThrowsInvalidEvent()
    {
        var noSequence = Event("{\"kinesis\":{\"partitionKey\":\"k\",\"data\":\"YQ==\"},\"eventSourceARN\":\"" + Arn + "\"}");
        var noArn = Event("{\"kinesis\":{\"partitionKey\":\"k\",\"sequenceNumber\":\"1\",\"data\":\"YQ==\"}}");

        var first = Assert.Throws<InvalidEventException>(() => KinesisEventReader.Read(noSequence));
        var second = Assert.Throws<InvalidEventException>(() => KinesisEventReader.Read(noArn));

        Assert.Contains("sequenceNumber", first.Message, StringComparison.Ordinal);
        Assert.Contains("eventSourceARN", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EventCutAtEveryLength_FailsWithInvalidEventOnly()
    {
        var json = Event(KinesisRecord("\"b25l\""), KinesisRecord("\"dHdv\"", "2"));

        for (var length = 0; length < json.Length - 1; length++)
        {
            var cut = json[..length];
            var error = Xunit.Record.Exception(() => KinesisEventReader.Read(cut));
            Assert.True(error is InvalidEventException, $"cut at {length}: {error?.GetType().Name ?? "no error"}");
        }
    }

    /// <summary>
    /// AWS's documented event, with a top-level field and a record field AWS might add: Fanout's reader (the one
    /// Kinesis reader) takes what it uses from it and ignores the rest.
    /// </summary>
    [Fact]
    public void Read_AwsSampleWithFieldsAwsMightAdd_ReadsSourceKeysSequencesAndData()
    {
        var node = JsonNode.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Events", "kinesis.json")))!;
        node["futureTopLevel"] = new JsonObject { ["x"] = new JsonArray(1, 2) };
        node["Records"]![0]!["futureRecordField"] = "new";
        var json = Encoding.UTF8.GetBytes(node.ToJsonString());

        var batch = Assert.Single(KinesisEventReader.Read(json));

        Assert.Equal("arn:aws:kinesis:eu-central-1:111122223333:stream/telemetry", batch.SourceArn);
        Assert.Equal(["49590338271490256608559692538361571095921575989136588898", "49590338271490256608559692540925702759324208523137515618"], batch.SequenceNumbers);
        Assert.Equal(["device-42", "device-43"], batch.Records.Select(r => r.PartitionKey));
        Assert.Equal("{\"temp\":22.5}", Encoding.UTF8.GetString(batch.Records[0].Data.Span));
        Assert.Equal(new byte[] { 0, 1, 2 }, batch.Records[1].Data.ToArray());
        Assert.Empty(batch.ReadProblems);
    }
}

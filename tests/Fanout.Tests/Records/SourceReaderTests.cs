using System.Text;
using System.Text.Json;
using Fanout.Records;
using LambdaSuite.Events;
using LambdaSuite.Events.Detection;

namespace Fanout.Tests.Records;

public class SourceReaderTests
{
    private static byte[] DynamoDbEvent() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "Events", "dynamodb-insert-modify-remove.json"));

    [Fact]
    public void Read_DynamoDbEvent_KeepsEventNameKeysBothImagesAndSequence()
    {
        var batch = Assert.Single(SourceReader.Read(DynamoDbEvent()));

        using var modify = JsonDocument.Parse(batch.Records[1].Data);
        var root = modify.RootElement;
        Assert.Equal(SourceKind.DynamoDbStreams, batch.Kind);
        Assert.Equal("MODIFY", root.GetProperty("eventName").GetString());
        Assert.Equal("2", root.GetProperty("NewImage").GetProperty("total").GetProperty("N").GetString());
        Assert.Equal("12345678901234567890.123456789", root.GetProperty("OldImage").GetProperty("total").GetProperty("N").GetString());
        Assert.Equal("100000000000000000002", root.GetProperty("SequenceNumber").GetString());
        Assert.Equal(1767225601, root.GetProperty("ApproximateCreationDateTime").GetInt64());
        Assert.Equal(["100000000000000000001", "100000000000000000002", "100000000000000000003"], batch.SequenceNumbers);
    }

    [Fact]
    public void Converted_DynamoDbInsert_NumbersExactAndBinaryBase64()
    {
        var batch = Assert.Single(SourceReader.Read(DynamoDbEvent()));

        var text = Encoding.UTF8.GetString(batch.Converted()[0].Data.Span);

        Assert.Contains("\"total\":12345678901234567890.123456789", text, StringComparison.Ordinal);
        Assert.Contains("\"tiny\":0.000000000000000000000000000001", text, StringComparison.Ordinal);
        Assert.Contains("\"blob\":\"AAEC/w==\"", text, StringComparison.Ordinal);
        Assert.Contains("\"tags\":[\"a\",\"b\"]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Converted_Remove_CarriesOldImageAndNoNewImage()
    {
        var batch = Assert.Single(SourceReader.Read(DynamoDbEvent()));

        using var remove = JsonDocument.Parse(batch.Converted()[2].Data);

        Assert.Equal("REMOVE", remove.RootElement.GetProperty("eventName").GetString());
        Assert.Equal(2, remove.RootElement.GetProperty("OldImage").GetProperty("total").GetInt32());
        Assert.False(remove.RootElement.TryGetProperty("NewImage", out _));
        Assert.Equal("{\"orderId\":\"o-1\"}", batch.Records[2].PartitionKey);
    }

    [Fact]
    public void Read_KinesisEvent_DecodesDataAndSequenceNumbers()
    {
        var json = StreamEvents.Kinesis([("a", "one"u8.ToArray()), ("b", "two"u8.ToArray())]);

        var batch = Assert.Single(SourceReader.Read(json));

        Assert.Equal(["one", "two"], batch.Records.Select(r => Encoding.UTF8.GetString(r.Data.Span)));
        Assert.Equal(["a", "b"], batch.Records.Select(r => r.PartitionKey));
        Assert.Equal(StreamEvents.Sequence(1), batch.IdempotencyKey(batch.Records[1]));
    }

    [Theory]
    [InlineData("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"messageId\":\"1\",\"body\":\"x\"}]}")]
    [InlineData("not json")]
    public void Read_NotAStreamEvent_ThrowsInvalidEvent(string json)
    {
        Assert.Throws<InvalidEventException>(() => SourceReader.Read(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>
    /// Issue 16, item 5: the shared detector stops at the first record's source, so the event is read through once,
    /// by the Kinesis reader: a fault after the first record is that reader's to report.
    /// </summary>
    [Fact]
    public void Read_KinesisEventBrokenAfterFirstRecord_TheKinesisReaderReportsIt()
    {
        var whole = StreamEvents.Kinesis([("a", "one"u8.ToArray()), ("b", "two"u8.ToArray())]);
        var json = whole[..(whole.Length - 20)];

        var error = Assert.Throws<InvalidEventException>(() => SourceReader.Read(json));

        Assert.StartsWith("The Kinesis event of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TenThousandRecords_DetectorReadsOnlyTheFirstRecordAndTheReaderAll()
    {
        var json = StreamEvents.Kinesis(Enumerable.Range(0, 10_000).Select(i => ("k", new byte[16])));
        var firstRecordEnd = Encoding.UTF8.GetString(json).IndexOf("},{", StringComparison.Ordinal) + 1;

        var detected = EventShapeDetector.Read(json);
        var batch = Assert.Single(SourceReader.Read(json));

        Assert.Equal(EventShape.Kinesis, detected.Shape);
        Assert.InRange(detected.BytesRead, 1, firstRecordEnd);
        Assert.Equal(10_000, batch.Records.Length);
    }
}

using System.Text.Json;
using LambdaSuite.Events;

namespace Shared.Tests.Events.Sqs;

public class SqsEventTests
{
    [Fact]
    public void Deserialize_Batch_ReadsEveryDocumentedField()
    {
        var json = EventSamples.Load("sqs.json");

        var sqsEvent = JsonSerializer.Deserialize(json, EventsJsonContext.Default.SqsEvent)!;

        Assert.Equal(2, sqsEvent.Records.Count);
        var first = sqsEvent.Records[0];
        Assert.Equal("3f2e1d0c-b9a8-4765-8432-10fedcba9876", first.MessageId);
        Assert.Equal("AQEBexampleReceiptHandleOne==", first.ReceiptHandle);
        Assert.Equal("{\"device\":\"d-1\",\"temp\":21.5}", first.Body);
        Assert.Equal("ffeeddccbbaa99887766554433221100", first.Md5OfBody);
        Assert.Equal("00112233445566778899aabbccddeeff", first.Md5OfMessageAttributes);
        Assert.Equal("aws:sqs", first.EventSource);
        Assert.Equal("arn:aws:sqs:eu-central-1:111122223333:ingest", first.EventSourceArn);
        Assert.Equal("eu-central-1", first.AwsRegion);
        Assert.Equal("1773480000000", first.GetAttribute("SentTimestamp"));
        Assert.Equal(2, first.ApproximateReceiveCount);
        Assert.Null(first.MessageGroupId);
    }

    [Fact]
    public void Deserialize_MessageAttributes_DecodesBinaryAndKeepsStrings()
    {
        var json = EventSamples.Load("sqs.json");

        var attributes = JsonSerializer.Deserialize(json, EventsJsonContext.Default.SqsEvent)!.Records[0].MessageAttributes!;

        Assert.Equal("gateway-7", attributes["source"].StringValue);
        Assert.Equal("String", attributes["source"].DataType);
        Assert.Equal(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }, attributes["checksum"].BinaryValue);
        Assert.Empty(attributes["checksum"].BinaryListValues!);
    }

    [Fact]
    public void Deserialize_FifoMessage_ExposesGroupId()
    {
        var json = EventSamples.Load("sqs.json");

        var second = JsonSerializer.Deserialize(json, EventsJsonContext.Default.SqsEvent)!.Records[1];

        Assert.Equal("group-a", second.MessageGroupId);
        Assert.Equal(1, second.ApproximateReceiveCount);
        Assert.Empty(second.MessageAttributes!);
    }

    [Fact]
    public void ApproximateReceiveCount_Malformed_IsZero()
    {
        var json = """{"Records":[{"messageId":"m","attributes":{"ApproximateReceiveCount":"many"}}]}"""u8;

        var message = JsonSerializer.Deserialize(json, EventsJsonContext.Default.SqsEvent)!.Records[0];

        Assert.Equal(0, message.ApproximateReceiveCount);
    }

    [Fact]
    public void TryParse_BinaryAttributeNotBase64_ReturnsFalse()
    {
        var json = """{"Records":[{"messageAttributes":{"a":{"binaryValue":"%%%","dataType":"Binary"}}}]}"""u8;

        var parsed = EventJson.TryParse(json, EventsJsonContext.Default.SqsEvent, out var sqsEvent);

        Assert.False(parsed);
        Assert.Null(sqsEvent);
    }
}

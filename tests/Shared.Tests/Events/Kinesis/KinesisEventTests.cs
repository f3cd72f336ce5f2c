using System.Text;
using System.Text.Json;
using LambdaSuite.Events;

namespace Shared.Tests.Events.Kinesis;

public class KinesisEventTests
{
    [Fact]
    public void Deserialize_Record_ReadsEnvelopeFields()
    {
        var json = EventSamples.Load("kinesis.json");

        var record = JsonSerializer.Deserialize(json, EventsJsonContext.Default.KinesisEvent)!.Records[0];

        Assert.Equal("aws:kinesis", record.EventSource);
        Assert.Equal("aws:kinesis:record", record.EventName);
        Assert.Equal("1.0", record.EventVersion);
        Assert.StartsWith("shardId-000000000003:", record.EventId);
        Assert.Equal("arn:aws:iam::111122223333:role/fanout-role", record.InvokeIdentityArn);
        Assert.Equal("eu-central-1", record.AwsRegion);
        Assert.Equal("arn:aws:kinesis:eu-central-1:111122223333:stream/telemetry", record.EventSourceArn);
    }

    [Fact]
    public void Deserialize_KinesisPayload_DecodesDataAndTimestamp()
    {
        var json = EventSamples.Load("kinesis.json");

        var records = JsonSerializer.Deserialize(json, EventsJsonContext.Default.KinesisEvent)!.Records;

        var first = records[0].Kinesis!;
        Assert.Equal("1.0", first.KinesisSchemaVersion);
        Assert.Equal("device-42", first.PartitionKey);
        Assert.Equal("49590338271490256608559692538361571095921575989136588898", first.SequenceNumber);
        Assert.Equal("{\"temp\":22.5}", Encoding.UTF8.GetString(first.Data));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1773480000428), first.ApproximateArrivalTime);
        Assert.Equal(new byte[] { 0, 1, 2 }, records[1].Kinesis!.Data);
        Assert.Equal("KMS", records[1].Kinesis!.EncryptionType);
    }

    [Fact]
    public void TryParse_DataNotBase64_ReturnsFalse()
    {
        var json = """{"Records":[{"kinesis":{"data":"not base64!"}}]}"""u8;

        var parsed = EventJson.TryParse(json, EventsJsonContext.Default.KinesisEvent, out _);

        Assert.False(parsed);
    }
}

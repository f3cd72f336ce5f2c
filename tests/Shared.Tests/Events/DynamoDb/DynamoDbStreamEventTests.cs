using System.Text.Json;
using LambdaSuite.Events;
using LambdaSuite.Events.DynamoDb;

namespace Shared.Tests.Events.DynamoDb;

public class DynamoDbStreamEventTests
{
    private static DynamoDbStreamEvent LoadSample() =>
        JsonSerializer.Deserialize(EventSamples.Load("dynamodb-stream.json"), EventsJsonContext.Default.DynamoDbStreamEvent)!;

    [Fact]
    public void Deserialize_Insert_ReadsRecordAndStreamFields()
    {
        var insert = LoadSample().Records[0];

        Assert.Equal("c4ca4238a0b923820dcc509a6f75849b", insert.EventId);
        Assert.Equal(DynamoDbStreamEventRecord.Insert, insert.EventName);
        Assert.Equal("aws:dynamodb", insert.EventSource);
        Assert.Equal("eu-central-1", insert.AwsRegion);
        Assert.EndsWith("table/Devices/stream/2026-03-14T00:00:00.000", insert.EventSourceArn);
        var stream = insert.DynamoDb!;
        Assert.Equal("111100000000000000000001", stream.SequenceNumber);
        Assert.Equal(245, stream.SizeBytes);
        Assert.Equal("NEW_AND_OLD_IMAGES", stream.StreamViewType);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1773480000), stream.ApproximateCreationTime);
        Assert.Null(stream.OldImage);
        Assert.Null(insert.UserIdentity);
        Assert.False(insert.IsTimeToLiveRemoval);
    }

    [Fact]
    public void Deserialize_NewImage_KeepsEveryAttributeType()
    {
        var image = LoadSample().Records[0].DynamoDb!.NewImage!;

        Assert.Equal("DEVICE#d-1", image["pk"].Text);
        Assert.Equal(DynamoDbAttributeKind.Number, image["balance"].Kind);
        Assert.Equal("12345678901234567890.123456789", image["balance"].Text);
        Assert.Equal("1.50", image["price"].Text);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, image["secret"].Binary);
        Assert.Equal(["blue", "green"], image["tags"].TextSet!);
        Assert.Equal(["1", "2.5", "-3E+2"], image["levels"].TextSet!);
        Assert.Equal(new byte[] { 2 }, image["blobs"].BinarySet![1]);
        Assert.True(image["active"].Bool);
        Assert.Equal(DynamoDbAttributeKind.Null, image["retired"].Kind);
        Assert.Equal("99.990", image["config"].Map!["limits"].Map!["max"].Text);
        Assert.False(image["config"].Map!["history"].List![2].List![0].Bool);
    }

    [Fact]
    public void Deserialize_ModifyAndTtlRemove_HaveImagesAndIdentity()
    {
        var records = LoadSample().Records;

        Assert.Equal("offline", records[1].DynamoDb!.OldImage!["state"].Text);
        Assert.Equal("online", records[1].DynamoDb!.NewImage!["state"].Text);
        Assert.Equal(DynamoDbStreamEventRecord.Remove, records[2].EventName);
        Assert.Equal("Service", records[2].UserIdentity!.Type);
        Assert.Equal("dynamodb.amazonaws.com", records[2].UserIdentity!.PrincipalId);
        Assert.True(records[2].IsTimeToLiveRemoval);
        Assert.Null(records[2].DynamoDb!.NewImage);
    }

    [Fact]
    public void Serialize_Event_RoundTripsImagesExactly()
    {
        var original = LoadSample();

        var written = JsonSerializer.SerializeToUtf8Bytes(original, EventsJsonContext.Default.DynamoDbStreamEvent);
        var reread = JsonSerializer.Deserialize(written, EventsJsonContext.Default.DynamoDbStreamEvent)!;

        Assert.Equal(
            DynamoDbPlainJson.ToJsonString(original.Records[0].DynamoDb!.NewImage!),
            DynamoDbPlainJson.ToJsonString(reread.Records[0].DynamoDb!.NewImage!));
        Assert.Contains("\"N\":\"12345678901234567890.123456789\"", System.Text.Encoding.UTF8.GetString(written));
    }
}

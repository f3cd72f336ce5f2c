using System.Text.Json;
using LambdaSuite.Events;

namespace Shared.Tests.Events.EventBridge;

public class EventBridgeEventTests
{
    [Fact]
    public void Deserialize_CustomEvent_ReadsEnvelopeAndRawDetail()
    {
        var json = EventSamples.Load("eventbridge-custom.json");

        var evt = JsonSerializer.Deserialize(json, EventsJsonContext.Default.EventBridgeEvent)!;

        Assert.Equal("0", evt.Version);
        Assert.Equal("6a7e8feb-b491-4cf7-a9f1-bf3703467718", evt.Id);
        Assert.Equal("Device Registered", evt.DetailType);
        Assert.Equal("com.example.registry", evt.Source);
        Assert.Equal("111122223333", evt.Account);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 9, 41, 0, TimeSpan.Zero), evt.Time);
        Assert.Equal("eu-central-1", evt.Region);
        Assert.Equal(["arn:aws:iot:eu-central-1:111122223333:thing/d-17"], evt.Resources);
        Assert.Equal("2.1.0", evt.Detail.GetProperty("firmware").GetProperty("version").GetString());
        Assert.Equal(1048576, evt.Detail.GetProperty("firmware").GetProperty("size").GetInt64());
        Assert.False(evt.IsScheduled);
    }

    [Fact]
    public void Deserialize_ScheduledEvent_IsScheduledWithEmptyDetail()
    {
        var json = EventSamples.Load("eventbridge-scheduled.json");

        var evt = JsonSerializer.Deserialize(json, EventsJsonContext.Default.EventBridgeEvent)!;

        Assert.True(evt.IsScheduled);
        Assert.Equal(JsonValueKind.Object, evt.Detail.ValueKind);
        Assert.Empty(evt.Detail.EnumerateObject());
        Assert.EndsWith("rule/dns-mirror-every-5-minutes", Assert.Single(evt.Resources));
    }

    [Fact]
    public void GetDetail_TypedDetail_ReadsThroughGivenTypeInfo()
    {
        var evt = JsonSerializer.Deserialize(EventSamples.Load("eventbridge-custom.json"), EventsJsonContext.Default.EventBridgeEvent)!;

        var detail = evt.GetDetail(TestJsonContext.Default.DictionaryStringJsonElement)!;

        Assert.Equal("d-17", detail["deviceId"].GetString());
    }
}

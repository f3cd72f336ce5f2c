using System.Text.Json;
using LambdaSuite.Events.Iot;

namespace Shared.Tests.Events.Iot;

public class IotRulePayloadTests
{
    [Fact]
    public void Deserialize_Payload_ReadsRuleAuthorsModel()
    {
        var payload = new IotRulePayload(EventSamples.Load("iot-rule-payload.json"));

        var reading = payload.Deserialize(TestJsonContext.Default.IotReading)!;

        Assert.Equal("d-17", reading.ThingName);
        Assert.Equal(22.75m, reading.Temperature);
    }

    [Fact]
    public void ToJsonElement_Payload_OutlivesParse()
    {
        var payload = new IotRulePayload(EventSamples.Load("iot-rule-payload.json"));

        var root = payload.ToJsonElement();

        Assert.Equal(3, root.GetProperty("readings").GetArrayLength());
        Assert.Equal("devices/d-17/telemetry", root.GetProperty("topic").GetString());
    }

    [Fact]
    public void ToJsonElement_NotJson_ThrowsJsonException()
    {
        var payload = new IotRulePayload("{not json"u8.ToArray());

        Assert.ThrowsAny<JsonException>(() => payload.ToJsonElement());
    }
}

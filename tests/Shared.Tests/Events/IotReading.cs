using System.Text.Json.Serialization;

namespace Shared.Tests.Events;

internal sealed class IotReading
{
    [JsonPropertyName("thingName")]
    public string? ThingName { get; set; }

    [JsonPropertyName("temperature")]
    public decimal Temperature { get; set; }
}

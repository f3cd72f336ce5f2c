using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaSuite.Events.Iot;

/// <summary>
/// What an AWS IoT rule's Lambda action sends: the rule's SELECT result as JSON of the rule author's making,
/// with no envelope. This type only says so; read it as the device's own model.
/// </summary>
public readonly struct IotRulePayload
{
    public IotRulePayload(ReadOnlyMemory<byte> utf8Json)
    {
        Utf8Json = utf8Json;
    }

    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>The payload as a detached <see cref="JsonElement"/>; throws <see cref="JsonException"/> on bad JSON.</summary>
    public JsonElement ToJsonElement()
    {
        using var document = JsonDocument.Parse(Utf8Json);
        return document.RootElement.Clone();
    }

    public T? Deserialize<T>(JsonTypeInfo<T> typeInfo) => JsonSerializer.Deserialize(Utf8Json.Span, typeInfo);
}

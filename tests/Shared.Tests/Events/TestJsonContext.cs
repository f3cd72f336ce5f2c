using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shared.Tests.Events;

/// <summary>Type infos the tests need for generic helpers that take a JsonTypeInfo.</summary>
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(IotReading))]
internal sealed partial class TestJsonContext : JsonSerializerContext;

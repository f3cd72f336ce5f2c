using System.Text.Json.Serialization;
using IotRegistry.Devices;
using IotRegistry.Http;
using IotRegistry.Iot;

namespace IotRegistry.Json;

/// <summary>Every type IotRegistry writes as JSON, generated at compile time (no reflection, AOT-safe).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IotResult))]
[JsonSerializable(typeof(DeviceView))]
[JsonSerializable(typeof(HttpErrorBody))]
[JsonSerializable(typeof(HistoryView))]
[JsonSerializable(typeof(UnbindView))]
internal sealed partial class IotRegistryJsonContext : JsonSerializerContext;

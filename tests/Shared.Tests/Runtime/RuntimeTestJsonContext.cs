using System.Text.Json.Serialization;

namespace Shared.Tests.Runtime;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ProbeEvent))]
[JsonSerializable(typeof(ProbeResponse))]
internal sealed partial class RuntimeTestJsonContext : JsonSerializerContext;

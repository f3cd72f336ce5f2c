using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaSuite.Demo;

/// <summary>Source-generated reading of the control-plane answers the demo's moto wiring gets back.</summary>
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;

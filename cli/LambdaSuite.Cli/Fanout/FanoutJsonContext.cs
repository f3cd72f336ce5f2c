using System.Text.Json.Serialization;

namespace LambdaSuite.Cli.Fanout;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FanoutCommandResult))]
internal sealed partial class FanoutJsonContext : JsonSerializerContext;

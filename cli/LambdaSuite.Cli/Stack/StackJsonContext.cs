using LambdaSuite.Data.Tables;
using System.Text.Json.Serialization;

namespace LambdaSuite.Cli.Stack;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TableProvisionReport))]
internal sealed partial class StackJsonContext : JsonSerializerContext;

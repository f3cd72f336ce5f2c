using System.Text.Json.Serialization;

namespace LambdaSuite.Harness.Slack;

/// <summary>The stub's own JSON writes (a channel id quoted as JSON), source-generated like everything else.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class HarnessSlackJson : JsonSerializerContext;

using System.Text.Json.Serialization;
using ChatRelay.Alerts;
using ChatRelay.Http;
using ChatRelay.Slack;

namespace ChatRelay.Json;

/// <summary>Every type ChatRelay reads or writes as JSON, generated at compile time (no reflection, AOT-safe); Slack and HipChat both spell names in snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackPostMessage))]
[JsonSerializable(typeof(SlackPostResponse))]
[JsonSerializable(typeof(HipChatErrorBody))]
[JsonSerializable(typeof(HipChatMessageCreated))]
[JsonSerializable(typeof(AlertAnswer))]
internal sealed partial class ChatRelayJsonContext : JsonSerializerContext;

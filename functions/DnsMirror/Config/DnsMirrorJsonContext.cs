using System.Text.Json.Serialization;
using DnsMirror.Sync;

namespace DnsMirror.Config;

/// <summary>Source-generated JSON for DnsMirror's input and output (AOT-safe, no reflection).</summary>
[JsonSerializable(typeof(ZoneSyncRequest))]
[JsonSerializable(typeof(DnsMirrorResponse))]
[JsonSerializable(typeof(FailureAlert))]
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
internal sealed partial class DnsMirrorJsonContext : JsonSerializerContext;

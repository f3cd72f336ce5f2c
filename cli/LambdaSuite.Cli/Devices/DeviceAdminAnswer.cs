using System.Text.Json;

namespace LambdaSuite.Cli.Devices;

/// <summary>What the HTTP API answered one administrator request: the status, the JSON body (null when there is none or it is not JSON), and Retry-After.</summary>
public sealed record DeviceAdminAnswer(int Status, JsonElement? Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>A string field of the body, or null.</summary>
    public string? Text(string name) =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

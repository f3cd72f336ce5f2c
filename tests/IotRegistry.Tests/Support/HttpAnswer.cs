using System.Text;
using System.Text.Json;

namespace IotRegistry.Tests.Support;

/// <summary>A Lambda HTTP response (ALB, REST API or HTTP API) read back for assertions.</summary>
public sealed record HttpAnswer(
    int StatusCode,
    string? StatusDescription,
    IReadOnlyDictionary<string, string>? Headers,
    IReadOnlyDictionary<string, string[]>? MultiValueHeaders,
    string Body,
    JsonElement Raw)
{
    public static HttpAnswer Parse(byte[] response)
    {
        var root = JsonDocument.Parse(response).RootElement.Clone();
        var body = root.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : string.Empty;
        if (root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True)
        {
            body = Encoding.UTF8.GetString(Convert.FromBase64String(body));
        }

        return new HttpAnswer(
            root.GetProperty("statusCode").GetInt32(),
            root.TryGetProperty("statusDescription", out var d) ? d.GetString() : null,
            root.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object
                ? h.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase)
                : null,
            root.TryGetProperty("multiValueHeaders", out var m) && m.ValueKind == JsonValueKind.Object
                ? m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray(), StringComparer.OrdinalIgnoreCase)
                : null,
            body,
            root);
    }

    /// <summary>The header's value whichever mode the response used.</summary>
    public string? Header(string name) =>
        Headers is not null && Headers.TryGetValue(name, out var single) ? single
        : MultiValueHeaders is not null && MultiValueHeaders.TryGetValue(name, out var many) ? string.Join(", ", many)
        : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();

    public string? Error => Json.TryGetProperty("error", out var e) ? e.GetString() : null;
}

using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary><c>requestContext.http</c> of an HTTP API (payload format 2.0) event.</summary>
public sealed class ApiGatewayHttpApiHttpDescription
{
    [JsonPropertyName("method")]
    public string? Method { get; set; }

    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; set; }

    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; set; }
}

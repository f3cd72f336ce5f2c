using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary>HTTP API (payload format 2.0) response; each entry of <see cref="Cookies"/> becomes one Set-Cookie header.</summary>
public sealed class ApiGatewayHttpApiResponse
{
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("cookies")]
    public List<string>? Cookies { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}

using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary>
/// REST API (v1) proxy response. API Gateway merges <see cref="Headers"/> and <see cref="MultiValueHeaders"/>;
/// repeated headers (Set-Cookie) need the multi-value map.
/// </summary>
public sealed class ApiGatewayProxyResponse
{
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("multiValueHeaders")]
    public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}

using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary>
/// API Gateway HTTP API request in payload format 2.0. Repeated headers and query values arrive comma-joined in
/// <see cref="Headers"/> and <see cref="QueryStringParameters"/>; <see cref="RawQueryString"/> keeps them apart.
/// Cookie headers are moved into <see cref="Cookies"/>.
/// </summary>
public sealed class ApiGatewayHttpApiRequest
{
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    [JsonPropertyName("rawPath")]
    public string? RawPath { get; set; }

    [JsonPropertyName("rawQueryString")]
    public string? RawQueryString { get; set; }

    [JsonPropertyName("cookies")]
    public List<string>? Cookies { get; set; }

    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    [JsonPropertyName("pathParameters")]
    public Dictionary<string, string>? PathParameters { get; set; }

    [JsonPropertyName("stageVariables")]
    public Dictionary<string, string>? StageVariables { get; set; }

    [JsonPropertyName("requestContext")]
    public ApiGatewayHttpApiRequestContext? RequestContext { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}

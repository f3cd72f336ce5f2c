using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary>
/// API Gateway REST API (payload format 1.0) proxy request. Both header maps are present; the multi-value maps
/// hold every repeated header and query value. API Gateway has already percent-decoded the query maps.
/// </summary>
public sealed class ApiGatewayProxyRequest
{
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("resource")]
    public string? Resource { get; set; }

    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("multiValueHeaders")]
    public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    [JsonPropertyName("multiValueQueryStringParameters")]
    public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; set; }

    [JsonPropertyName("pathParameters")]
    public Dictionary<string, string>? PathParameters { get; set; }

    [JsonPropertyName("stageVariables")]
    public Dictionary<string, string>? StageVariables { get; set; }

    [JsonPropertyName("requestContext")]
    public ApiGatewayProxyRequestContext? RequestContext { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}

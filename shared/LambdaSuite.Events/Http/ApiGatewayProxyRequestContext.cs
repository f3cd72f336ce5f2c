using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary><c>requestContext</c> of a REST API (v1) proxy event; <c>resourceId</c> and <c>httpMethod</c> mark it.</summary>
public sealed class ApiGatewayProxyRequestContext
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("apiId")]
    public string? ApiId { get; set; }

    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; set; }

    [JsonPropertyName("resourcePath")]
    public string? ResourcePath { get; set; }

    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("stage")]
    public string? Stage { get; set; }

    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }

    [JsonPropertyName("extendedRequestId")]
    public string? ExtendedRequestId { get; set; }

    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    [JsonPropertyName("domainName")]
    public string? DomainName { get; set; }

    [JsonPropertyName("requestTimeEpoch")]
    public long RequestTimeEpoch { get; set; }

    [JsonPropertyName("identity")]
    public ApiGatewayRequestIdentity? Identity { get; set; }
}

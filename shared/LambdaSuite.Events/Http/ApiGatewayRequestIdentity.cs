using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary>The caller as API Gateway REST (v1) saw it (<c>requestContext.identity</c>).</summary>
public sealed class ApiGatewayRequestIdentity
{
    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; set; }

    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; set; }

    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("caller")]
    public string? Caller { get; set; }

    [JsonPropertyName("user")]
    public string? User { get; set; }

    [JsonPropertyName("userArn")]
    public string? UserArn { get; set; }
}

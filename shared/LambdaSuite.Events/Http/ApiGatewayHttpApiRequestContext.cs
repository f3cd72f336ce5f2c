using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

public sealed class ApiGatewayHttpApiRequestContext
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("apiId")]
    public string? ApiId { get; set; }

    [JsonPropertyName("authorizer")]
    public ApiGatewayHttpApiAuthorizer? Authorizer { get; set; }

    [JsonPropertyName("domainName")]
    public string? DomainName { get; set; }

    [JsonPropertyName("domainPrefix")]
    public string? DomainPrefix { get; set; }

    [JsonPropertyName("http")]
    public ApiGatewayHttpApiHttpDescription? Http { get; set; }

    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }

    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    [JsonPropertyName("stage")]
    public string? Stage { get; set; }

    [JsonPropertyName("time")]
    public string? Time { get; set; }

    [JsonPropertyName("timeEpoch")]
    public long TimeEpoch { get; set; }
}

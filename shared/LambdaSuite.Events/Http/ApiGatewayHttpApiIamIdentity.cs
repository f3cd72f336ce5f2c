using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary>The IAM caller API Gateway authenticated (SigV4) for a route with AWS_IAM authorisation.</summary>
public sealed class ApiGatewayHttpApiIamIdentity
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("callerId")]
    public string? CallerId { get; set; }

    [JsonPropertyName("userArn")]
    public string? UserArn { get; set; }

    [JsonPropertyName("userId")]
    public string? UserId { get; set; }
}

using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary>An HTTP API request's <c>requestContext.authorizer</c>; with IAM authorisation (AWS_IAM) it carries the caller.</summary>
public sealed class ApiGatewayHttpApiAuthorizer
{
    [JsonPropertyName("iam")]
    public ApiGatewayHttpApiIamIdentity? Iam { get; set; }
}

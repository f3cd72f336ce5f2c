using System.Text.Json.Serialization;

namespace LambdaSuite.Events.DynamoDb;

/// <summary>Present only on removals DynamoDB made itself: TTL expiry gives <c>Service</c> / <c>dynamodb.amazonaws.com</c>.</summary>
public sealed class DynamoDbStreamUserIdentity
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }
}

using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary>
/// Request an Application Load Balancer sends to a Lambda target group. Exactly one header mode is filled:
/// <see cref="Headers"/>/<see cref="QueryStringParameters"/>, or, when the target group enables multi-value
/// headers, <see cref="MultiValueHeaders"/>/<see cref="MultiValueQueryStringParameters"/>. The load balancer
/// passes query names and values still percent-encoded.
/// </summary>
public sealed class AlbRequest
{
    [JsonPropertyName("requestContext")]
    public AlbRequestContext? RequestContext { get; set; }

    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    [JsonPropertyName("path")]
    public string? Path { get; set; }

    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    [JsonPropertyName("multiValueQueryStringParameters")]
    public Dictionary<string, List<string>>? MultiValueQueryStringParameters { get; set; }

    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("multiValueHeaders")]
    public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}

using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary>
/// Answer to an ALB request. It must use the same header mode as the request: <see cref="MultiValueHeaders"/>
/// when the target group has multi-value headers enabled, <see cref="Headers"/> otherwise.
/// </summary>
public sealed class AlbResponse
{
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    /// <summary>Status line text such as <c>404 Not Found</c>.</summary>
    [JsonPropertyName("statusDescription")]
    public string? StatusDescription { get; set; }

    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("multiValueHeaders")]
    public Dictionary<string, List<string>>? MultiValueHeaders { get; set; }

    [JsonPropertyName("body")]
    public string? Body { get; set; }

    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}

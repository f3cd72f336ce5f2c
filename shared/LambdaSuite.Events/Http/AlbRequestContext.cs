using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

public sealed class AlbRequestContext
{
    [JsonPropertyName("elb")]
    public AlbElbContext? Elb { get; set; }
}

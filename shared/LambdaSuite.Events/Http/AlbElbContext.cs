using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Http;

/// <summary>The <c>requestContext.elb</c> object; its presence is what marks an ALB target-group event.</summary>
public sealed class AlbElbContext
{
    [JsonPropertyName("targetGroupArn")]
    public string? TargetGroupArn { get; set; }
}

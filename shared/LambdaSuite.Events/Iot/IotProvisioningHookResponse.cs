using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Iot;

/// <summary>A pre-provisioning hook's answer: provisioning proceeds only with <c>allowProvisioning</c> true; the overrides are added to the request's parameters.</summary>
public sealed class IotProvisioningHookResponse
{
    [JsonPropertyName("allowProvisioning")]
    public bool AllowProvisioning { get; set; }

    [JsonPropertyName("parameterOverrides")]
    public Dictionary<string, string>? ParameterOverrides { get; set; }
}

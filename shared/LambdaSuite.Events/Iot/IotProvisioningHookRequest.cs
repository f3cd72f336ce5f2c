using System.Text.Json.Serialization;

namespace LambdaSuite.Events.Iot;

/// <summary>
/// What AWS IoT fleet provisioning sends a pre-provisioning hook when a device calls RegisterThing: the claim and new
/// certificates, the provisioning template, the MQTT client id and the device's parameters (strings).
/// </summary>
public sealed class IotProvisioningHookRequest
{
    [JsonPropertyName("claimCertificateId")]
    public string? ClaimCertificateId { get; set; }

    [JsonPropertyName("certificateId")]
    public string? CertificateId { get; set; }

    [JsonPropertyName("certificatePem")]
    public string? CertificatePem { get; set; }

    [JsonPropertyName("templateArn")]
    public string? TemplateArn { get; set; }

    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }

    [JsonPropertyName("parameters")]
    public Dictionary<string, string>? Parameters { get; set; }
}

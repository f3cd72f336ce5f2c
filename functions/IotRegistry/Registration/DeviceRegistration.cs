using System.Text;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Registration;

/// <summary>
/// A validated registration message. <see cref="MqttClientId"/>, <see cref="Principal"/> and <see cref="Topic"/>
/// come from the IoT rule (<c>clientid()</c>, <c>principal()</c>, <c>topic()</c>), not from the device's payload.
/// </summary>
internal sealed record DeviceRegistration(
    DeviceKey Key,
    string ActivationCode,
    string? DeviceName,
    string? Type,
    string? Endpoint,
    string? CertificateId,
    string? MqttClientId,
    string? Principal,
    string? Topic)
{
    /// <summary>
    /// The serial level of the topic the rule read, <c>{prefix}/{serial}/register</c> as the template's rule subscribes;
    /// null without a topic or for another shape (the peer's single <c>iotbackend/register</c> names no device).
    /// </summary>
    public string? TopicSerialNumber =>
        Topic?.Split('/') is [_, var serial, "register"] && serial.Length > 0 ? serial : null;

    /// <summary>Keeps the activation code out of any log line or exception message that prints this record.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Key = ").Append(Key).Append(", ActivationCode = ***, DeviceName = ").Append(DeviceName)
            .Append(", Type = ").Append(Type).Append(", MqttClientId = ").Append(MqttClientId);
        return true;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using IotRegistry.Input;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Registration;

/// <summary>
/// Reads the registration message the IoT rule hands over: the device's published JSON (the peer's fields:
/// serialNumber, clientId, device, type, endpoint, certificateId, activationCode, activated, email), optionally
/// enriched by the rule SQL with <see cref="MqttClientIdField"/>, <see cref="PrincipalField"/>,
/// <see cref="TopicField"/> and <see cref="TimestampField"/>. The payload's <c>activated</c> and <c>email</c> are
/// type-checked and ignored: a device never activates itself or names its owner.
/// </summary>
internal static class DeviceRegistrationParser
{
    public const string MqttClientIdField = "mqttClientId";
    public const string PrincipalField = "mqttPrincipal";
    public const string TopicField = "mqttTopic";
    public const string TimestampField = "mqttTimestamp";

    public static bool TryParse(JsonElement message, [NotNullWhen(true)] out DeviceRegistration? registration, [NotNullWhen(false)] out InputError? error)
    {
        registration = null;
        if (!JsonInput.TryCheckObject(message, out error))
        {
            return false;
        }

        var reader = new JsonFieldReader(message);
        var serialNumber = reader.RequiredString("serialNumber", DeviceFieldRules.Identifier);
        var clientId = reader.RequiredString("clientId", DeviceFieldRules.Identifier);
        var activationCode = reader.RequiredString("activationCode", DeviceFieldRules.ActivationCode);
        var deviceName = reader.OptionalString("device", DeviceFieldRules.Text);
        var type = reader.OptionalString("type", DeviceFieldRules.Text);
        var endpoint = reader.OptionalString("endpoint", DeviceFieldRules.HostName);
        var certificateId = reader.OptionalString("certificateId", DeviceFieldRules.CertificateId);
        reader.OptionalBoolean("activated");
        reader.OptionalString("email", DeviceFieldRules.IgnoredText);
        var mqttClientId = reader.OptionalString(MqttClientIdField, DeviceFieldRules.Identifier);
        var principal = reader.OptionalString(PrincipalField, DeviceFieldRules.Principal);
        var topic = reader.OptionalString(TopicField, DeviceFieldRules.Topic);
        reader.OptionalInteger(TimestampField);
        if (reader.Error is not null)
        {
            error = reader.Error;
            return false;
        }

        registration = new DeviceRegistration(
            new DeviceKey(serialNumber!, clientId!), activationCode!, deviceName, type, endpoint, certificateId, mqttClientId, principal, topic);
        return true;
    }
}

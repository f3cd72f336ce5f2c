using System.Buffers;
using System.Text.Json;

namespace LambdaSuite.Cli.Devices;

/// <summary>A device the simulator made up, and the registration message it would publish on the registration topic.</summary>
public sealed record SimulatedDevice(string SerialNumber, string ClientId, string ActivationCode, string DeviceName, string Type, string Endpoint)
{
    /// <summary>The device's JSON message; <paramref name="mqttClientId"/> is what the IoT rule's <c>clientid()</c> adds.</summary>
    public byte[] RegistrationMessage(string? mqttClientId = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("serialNumber", SerialNumber);
            writer.WriteString("clientId", ClientId);
            writer.WriteString("device", DeviceName);
            writer.WriteString("type", Type);
            writer.WriteString("endpoint", Endpoint);
            writer.WriteString("activationCode", ActivationCode);
            writer.WriteString("activated", "false");
            if (mqttClientId is not null)
            {
                writer.WriteString("mqttClientId", mqttClientId);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An activation message for the IoT door (the HTTP door takes the same fields in its body).</summary>
    public static byte[] ActivationMessage(string serialNumber, string clientId, string activationCode, string email)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("operation", "activate");
            writer.WriteString("serialNumber", serialNumber);
            writer.WriteString("clientId", clientId);
            writer.WriteString("activationCode", activationCode);
            writer.WriteString("email", email);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using IotRegistry.Input;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Activation;

/// <summary>
/// Reads an activation attempt from either door: the HTTP body <c>{"activationCode","email"}</c> with the key
/// from the path, or an IoT message that carries serialNumber and clientId beside them.
/// </summary>
internal static class ActivationRequestParser
{
    /// <summary>Largest HTTP body accepted; a real one is under 400 bytes.</summary>
    public const int MaxBodyBytes = 4096;

    public static bool TryParseBody(
        string serialNumber,
        string clientId,
        ReadOnlyMemory<byte> body,
        [NotNullWhen(true)] out ActivationRequest? request,
        [NotNullWhen(false)] out InputError? error)
    {
        ArgumentNullException.ThrowIfNull(serialNumber);
        ArgumentNullException.ThrowIfNull(clientId);
        request = null;
        if (!JsonInput.TryParseObject(body, MaxBodyBytes, out var document, out error))
        {
            return false;
        }

        using (document)
        {
            var reader = new JsonFieldReader(document.RootElement);
            var serial = reader.Check("serialNumber", serialNumber, DeviceFieldRules.Identifier);
            var client = reader.Check("clientId", clientId, DeviceFieldRules.Identifier);
            if (!Finish(reader, serial, client, out request, out error))
            {
                return false;
            }

            // The path names the device; a body that names another one is a mistake (or a probe), not a wrong code
            // for the path's device, so it is refused before anything is counted.
            error = OtherDevice(reader, "serialNumber", serial!) ?? OtherDevice(reader, "clientId", client!) ?? reader.Error;
            if (error is not null)
            {
                request = null;
                return false;
            }

            return true;
        }
    }

    public static bool TryParseMessage(JsonElement message, [NotNullWhen(true)] out ActivationRequest? request, [NotNullWhen(false)] out InputError? error)
    {
        request = null;
        if (!JsonInput.TryCheckObject(message, out error))
        {
            return false;
        }

        var reader = new JsonFieldReader(message);
        var serial = reader.RequiredString("serialNumber", DeviceFieldRules.Identifier);
        var client = reader.RequiredString("clientId", DeviceFieldRules.Identifier);
        return Finish(reader, serial, client, out request, out error);
    }

    private static InputError? OtherDevice(JsonFieldReader reader, string field, string pathValue)
    {
        var bodyValue = reader.OptionalString(field, DeviceFieldRules.Identifier);
        return bodyValue is not null && !string.Equals(bodyValue, pathValue, StringComparison.Ordinal)
            ? new InputError(InputErrorCodes.DeviceMismatch, field, $"The body's '{field}' names another device than the path; send the activation to that device's path.")
            : null;
    }

    private static bool Finish(
        JsonFieldReader reader,
        string? serialNumber,
        string? clientId,
        [NotNullWhen(true)] out ActivationRequest? request,
        [NotNullWhen(false)] out InputError? error)
    {
        var code = reader.RequiredString("activationCode", DeviceFieldRules.ActivationCode);
        var email = reader.RequiredString("email", DeviceFieldRules.Email);
        if (reader.Error is not null)
        {
            request = null;
            error = reader.Error;
            return false;
        }

        request = new ActivationRequest(new DeviceKey(serialNumber!, clientId!), code!, email!);
        error = null;
        return true;
    }
}

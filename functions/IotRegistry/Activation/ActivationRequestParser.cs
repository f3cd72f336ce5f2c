using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using IotRegistry.Input;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Activation;

/// <summary>
/// Reads an activation attempt from either door: the HTTP body <c>{"activationCode","email"}</c> with the key
/// from the path, or an IoT message that carries serialNumber and clientId beside them.
/// </summary>
public static class ActivationRequestParser
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
            return Finish(reader, serial, client, out request, out error);
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

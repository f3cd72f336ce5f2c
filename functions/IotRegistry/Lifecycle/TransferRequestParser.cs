using System.Diagnostics.CodeAnalysis;
using IotRegistry.Activation;
using IotRegistry.Input;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Lifecycle;

/// <summary>
/// Reads <c>POST /devices/{serialNumber}/{clientId}/transfer</c>'s body: <c>{"newOwnerEmail"}</c>, plus the current
/// owner's proof <c>{"email","activationCode"}</c> unless the caller is an administrator.
/// </summary>
internal static class TransferRequestParser
{
    public static bool TryParseBody(
        string serialNumber,
        string clientId,
        ReadOnlyMemory<byte> body,
        bool administrator,
        [NotNullWhen(true)] out TransferRequest? request,
        [NotNullWhen(false)] out InputError? error)
    {
        request = null;
        if (!JsonInput.TryParseObject(body, ActivationRequestParser.MaxBodyBytes, out var document, out error))
        {
            return false;
        }

        using (document)
        {
            var reader = new JsonFieldReader(document.RootElement);
            var serial = reader.Check("serialNumber", serialNumber, DeviceFieldRules.Identifier);
            var client = reader.Check("clientId", clientId, DeviceFieldRules.Identifier);
            var newOwner = reader.RequiredString("newOwnerEmail", DeviceFieldRules.Email);

            // An administrator needs no proof; one that sends it anyway is not checked, so it is not read either.
            var owner = administrator ? null : reader.RequiredString("email", DeviceFieldRules.Email);
            var code = administrator ? null : reader.RequiredString("activationCode", DeviceFieldRules.ActivationCode);
            if (reader.Error is { } refused)
            {
                error = refused;
                return false;
            }

            request = new TransferRequest(new DeviceKey(serial!, client!), newOwner!, owner, code);
            return true;
        }
    }
}

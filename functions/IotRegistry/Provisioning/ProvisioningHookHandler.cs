using System.Text.Json;
using IotRegistry.Input;
using LambdaSuite.Data.Devices;
using LambdaSuite.Events;
using LambdaSuite.Events.Iot;

namespace IotRegistry.Provisioning;

/// <summary>
/// AWS IoT fleet provisioning's pre-provisioning hook: provisioning goes ahead only for a device in the catalog that
/// is not deregistered and is not bound to another certificate. With <c>bindCertificate</c> (the
/// <c>PROVISIONING_BIND_CERTIFICATE</c> setting) the new certificate is bound to a device that has none, one
/// transaction with its history line; a concurrent binding of another certificate wins or loses as a whole. The device
/// is named by the template parameters <c>SerialNumber</c> and <c>ClientId</c> (the MQTT client id when the device
/// sends no <c>ClientId</c>).
/// </summary>
/// <remarks>
/// A refusal is an answer (<c>allowProvisioning: false</c>), not a fault: AWS IoT turns a failed invocation into
/// ACCESS_DENIED anyway, and a fault here (DynamoDB unreachable) propagates so the log shows it. Requests: 1 GetItem;
/// 1 more (TransactWriteItems) when a certificate is bound.
/// </remarks>
internal sealed class ProvisioningHookHandler(IDeviceLifecycleStore store, bool bindCertificate, TimeProvider timeProvider)
{
    public const string SerialNumberParameter = "SerialNumber";
    public const string ClientIdParameter = "ClientId";

    public async Task<ProvisioningDecision> DecideAsync(ReadOnlyMemory<byte> eventJson, CancellationToken cancellationToken = default)
    {
        IotProvisioningHookRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(eventJson.Span, EventsJsonContext.Default.IotProvisioningHookRequest);
        }
        catch (JsonException)
        {
            return new ProvisioningDecision(false, "invalid_input");
        }

        return request is null ? new ProvisioningDecision(false, "invalid_input") : await DecideAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ProvisioningDecision> DecideAsync(IotProvisioningHookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = request.Parameters ?? [];
        var serial = parameters.GetValueOrDefault(SerialNumberParameter);
        var client = parameters.GetValueOrDefault(ClientIdParameter) ?? request.ClientId;
        var certificate = request.CertificateId;
        if (!IsValid(serial, DeviceFieldRules.Identifier) || !IsValid(client, DeviceFieldRules.Identifier) || !IsValid(certificate, DeviceFieldRules.CertificateId))
        {
            return new ProvisioningDecision(false, "invalid_input");
        }

        var key = new DeviceKey(serial!, client!);
        var device = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (Refusal(device, certificate!) is { } refused)
        {
            return refused with { Key = key };
        }

        if (!bindCertificate || device!.CertificateId is not null)
        {
            return new ProvisioningDecision(true, "allowed", key);
        }

        var change = new DeviceChange(DeviceChangeKind.BindCertificate, DeviceDoors.ProvisioningHook, certificate!, timeProvider.GetUtcNow(), CertificateId: certificate);
        var result = await store.ChangeAsync(device, change, cancellationToken).ConfigureAwait(false);
        if (result.Applied)
        {
            return new ProvisioningDecision(true, "certificate_bound", key);
        }

        // Someone else changed the device first: a retry of this same hook that already bound this certificate is
        // still allowed; anything else is judged on the device as it now is, or is a conflict.
        return (Refusal(result.Device, certificate!) ?? (result.Device?.CertificateId == certificate ? new ProvisioningDecision(true, "allowed") : new ProvisioningDecision(false, "conflict"))) with { Key = key };
    }

    private static ProvisioningDecision? Refusal(DeviceRecord? device, string certificate) => device switch
    {
        null => new ProvisioningDecision(false, "device_not_found"),
        { Deregistered: true } => new ProvisioningDecision(false, "device_deregistered"),
        { CertificateId: { } bound } when !string.Equals(bound, certificate, StringComparison.Ordinal) => new ProvisioningDecision(false, "certificate_mismatch"),
        _ => null,
    };

    private static bool IsValid(string? value, FieldRule rule) =>
        value is not null && value.Length >= rule.MinLength && value.Length <= rule.MaxLength && rule.IsAllowed(value);
}

using LambdaSuite.Data.Devices;

namespace IotRegistry.Registration;

/// <summary>
/// Registers a device with one create-if-absent write. An existing device is never modified here, so a replayed
/// or forged registration cannot reset its activation, its owner or its activation code.
/// </summary>
public sealed class RegistrationService(DeviceCatalog catalog, ActivationCodeHasher hasher, TimeProvider timeProvider)
{
    public async Task<RegistrationResult> RegisterAsync(DeviceRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        if (registration.MqttClientId is { } mqttClientId && !string.Equals(mqttClientId, registration.Key.ClientId, StringComparison.Ordinal))
        {
            return new RegistrationResult(RegistrationOutcome.ClientIdMismatch);
        }

        var device = new DeviceRecord(
            registration.Key,
            hasher.Hash(registration.Key, registration.ActivationCode),
            timeProvider.GetUtcNow(),
            DeviceName: registration.DeviceName,
            Type: registration.Type,
            Endpoint: registration.Endpoint,
            CertificateId: registration.CertificateId,
            Principal: registration.Principal);
        var result = await catalog.CreateIfAbsentAsync(device, cancellationToken).ConfigureAwait(false);
        if (result.Created)
        {
            return new RegistrationResult(RegistrationOutcome.Registered, device);
        }

        var existing = result.Existing!;
        return new RegistrationResult(IsSameRegistration(existing, registration) ? RegistrationOutcome.AlreadyRegistered : RegistrationOutcome.Conflict, existing);
    }

    private bool IsSameRegistration(DeviceRecord existing, DeviceRegistration registration) =>
        string.Equals(existing.DeviceName, registration.DeviceName, StringComparison.Ordinal)
        && string.Equals(existing.Type, registration.Type, StringComparison.Ordinal)
        && string.Equals(existing.Endpoint, registration.Endpoint, StringComparison.Ordinal)
        && string.Equals(existing.CertificateId, registration.CertificateId, StringComparison.Ordinal)
        && hasher.Matches(existing.ActivationCodeHmac, registration.Key, registration.ActivationCode);
}

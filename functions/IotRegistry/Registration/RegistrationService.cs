using IotRegistry.Keys;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Registration;

/// <summary>
/// Registers a device with one create-if-absent write. An existing device is never modified here, so a replayed
/// or forged registration cannot reset its activation, its owner or its activation code. The code is hashed under the
/// current key and the item records that key's id, so a later rotation does not orphan the hash.
/// </summary>
internal sealed class RegistrationService(IDeviceCatalog catalog, ActivationKeyRing keys, TimeProvider timeProvider)
{
    public async Task<RegistrationResult> RegisterAsync(DeviceRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);

        // The topic's serial is the sender's (the broker's policy lets a certificate publish only on its own serial's
        // topic); a payload naming another serial is one device registering another, refused before the client id.
        if (registration.TopicSerialNumber is { } topicSerial && !string.Equals(topicSerial, registration.Key.SerialNumber, StringComparison.Ordinal))
        {
            return new RegistrationResult(RegistrationOutcome.SerialMismatch);
        }

        if (registration.MqttClientId is { } mqttClientId && !string.Equals(mqttClientId, registration.Key.ClientId, StringComparison.Ordinal))
        {
            return new RegistrationResult(RegistrationOutcome.ClientIdMismatch);
        }

        var hasher = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var device = new DeviceRecord(
            registration.Key,
            hasher.Hash(registration.Key, registration.ActivationCode),
            timeProvider.GetUtcNow(),
            DeviceName: registration.DeviceName,
            Type: registration.Type,
            Endpoint: registration.Endpoint,
            CertificateId: registration.CertificateId,
            Principal: registration.Principal,
            HmacKeyId: hasher.KeyId);
        var result = await catalog.CreateIfAbsentAsync(device, cancellationToken).ConfigureAwait(false);
        if (result.Created)
        {
            return new RegistrationResult(RegistrationOutcome.Registered, device);
        }

        var existing = result.Existing!;
        if (existing.Deregistered)
        {
            return new RegistrationResult(RegistrationOutcome.Deregistered, existing);
        }

        var same = await IsSameRegistrationAsync(existing, registration, cancellationToken).ConfigureAwait(false);
        return new RegistrationResult(same ? RegistrationOutcome.AlreadyRegistered : RegistrationOutcome.Conflict, existing);
    }

    /// <summary>Same details and the same code, checked under the key the stored hash names (a retired key cannot confirm it: a conflict).</summary>
    private async Task<bool> IsSameRegistrationAsync(DeviceRecord existing, DeviceRegistration registration, CancellationToken cancellationToken) =>
        string.Equals(existing.DeviceName, registration.DeviceName, StringComparison.Ordinal)
        && string.Equals(existing.Type, registration.Type, StringComparison.Ordinal)
        && string.Equals(existing.Endpoint, registration.Endpoint, StringComparison.Ordinal)
        && string.Equals(existing.CertificateId, registration.CertificateId, StringComparison.Ordinal)
        && await keys.FindAsync(existing.HmacKeyId, cancellationToken).ConfigureAwait(false) is { } hasher
        && hasher.Matches(existing.ActivationCodeHmac, registration.Key, registration.ActivationCode);
}

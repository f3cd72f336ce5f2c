using IotRegistry.Keys;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Activation;

/// <summary>
/// Binds an owner to a device in one conditional write per attempt. A lockout is only strict if every attempt is
/// counted before its result is known; a condition that refuses wrong codes cannot do that, because a refused write
/// counts nothing. So the write admits any attempt on a device that exists, is not activated and is not locked, counts
/// it and records it as the device's claim (HMAC of the code, e-mail, instant); the check is then DynamoDB's own
/// definition of "activated", the claim equal to the stored HMAC, read from the item as written. A parallel burst of
/// guesses therefore gets exactly the threshold's checks, and of concurrent right codes exactly one finds the device
/// not yet activated.
/// </summary>
/// <remarks>
/// Keys rotate: the claim is first made under the current key, and the write is conditioned on the item naming that
/// key (or none). A device registered under the previous key refuses it; the refusal returns the item, which names
/// its key, and the attempt is written again under that key. A refused write counts nothing, so the attempt is still
/// counted once. A key no longer in the secret (two rotations since registration) cannot check the code: nothing is
/// written or counted, and the outcome is <see cref="ActivationOutcome.KeyRetired"/>.
/// Requests per attempt: 1 (activated, wrong code, locked, unknown, already activated); 2 when the attempt opens a new
/// counting window after an expired one or the device was registered under the previous key; 3 at most when it races
/// another attempt reopening the window.
/// </remarks>
internal sealed class ActivationService(IDeviceCatalog catalog, ActivationKeyRing keys, DeviceLockoutPolicy lockout, TimeProvider timeProvider)
{
    public async Task<ActivationResult> ActivateAsync(ActivationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = timeProvider.GetUtcNow();
        var current = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var retired = false;
        var write = await catalog.RecordAttemptAsync(
            request.Key,
            new DeviceActivationClaim(current.Hash(request.Key, request.ActivationCode), current.KeyId, IsCurrentKey: true) { Door = request.Door },
            async (keyId, ct) =>
            {
                var hasher = await keys.FindAsync(keyId, ct).ConfigureAwait(false);
                retired = hasher is null;
                return hasher is null ? null : new DeviceActivationClaim(hasher.Hash(request.Key, request.ActivationCode), hasher.KeyId, ReferenceEquals(hasher, keys.Keys.Current)) { Door = request.Door };
            },
            request.OwnerEmail,
            now,
            lockout,
            cancellationToken).ConfigureAwait(false);
        if (write.Recorded)
        {
            // The item as written carries this attempt's claim; Activated is the constant-time comparison of that
            // claim with the stored HMAC (DeviceCatalog's mapping). A wrong code is already counted by this write.
            var written = write.Device!;
            return written.Activated
                ? new ActivationResult(ActivationOutcome.Activated, written)
                : new ActivationResult(ActivationOutcome.WrongCode, written);
        }

        var found = write.Device;
        if (found is null)
        {
            return new ActivationResult(ActivationOutcome.DeviceNotFound);
        }

        if (found.Deregistered)
        {
            return new ActivationResult(ActivationOutcome.DeviceDeregistered, found);
        }

        if (found.Activated)
        {
            return new ActivationResult(ActivationOutcome.AlreadyActivated, found);
        }

        if (lockout.LockedUntil(found, now) is { } lockedUntil)
        {
            return new ActivationResult(ActivationOutcome.Locked, found, lockedUntil - now);
        }

        return retired
            ? new ActivationResult(ActivationOutcome.KeyRetired, found)
            : throw new InvalidOperationException($"DynamoDB refused an activation attempt on {request.Key} although the device is open.");
    }
}

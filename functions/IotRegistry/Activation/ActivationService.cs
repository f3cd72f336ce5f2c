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
/// Requests per attempt: 1 (activated, wrong code, locked, unknown, already activated); 2 when the attempt opens a new
/// counting window after an expired one; 3 at most when it races another attempt doing so.
/// </remarks>
public sealed class ActivationService(DeviceCatalog catalog, ActivationCodeHasher hasher, DeviceLockoutPolicy lockout, TimeProvider timeProvider)
{
    public async Task<ActivationResult> ActivateAsync(ActivationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = timeProvider.GetUtcNow();
        var codeHmac = hasher.Hash(request.Key, request.ActivationCode);
        var write = await catalog.RecordAttemptAsync(request.Key, codeHmac, request.OwnerEmail, now, lockout, cancellationToken).ConfigureAwait(false);
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

        if (found.Activated)
        {
            return new ActivationResult(ActivationOutcome.AlreadyActivated, found);
        }

        return lockout.LockedUntil(found, now) is { } lockedUntil
            ? new ActivationResult(ActivationOutcome.Locked, found, lockedUntil - now)
            : throw new InvalidOperationException($"DynamoDB refused an activation attempt on {request.Key} although the device is open.");
    }
}

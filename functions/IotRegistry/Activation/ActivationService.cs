using LambdaSuite.Data.Devices;

namespace IotRegistry.Activation;

/// <summary>
/// Binds an owner to a device. A device with no failed attempt on record is activated by one conditional update
/// whose condition holds the code's HMAC; when DynamoDB refuses, the old item it returns says why (unknown,
/// activated, or a wrong code, which costs one more write to count it). Once a failure is on record the device
/// is treated as under attack until it is activated: every attempt is first counted by a conditional write that
/// admits it only below the lockout threshold, then checked, then (right code) bound by a second write. So
/// concurrent guesses can never outrun the count, except in the very first burst against a clean device.
/// </summary>
/// <remarks>
/// Requests per attempt: clean device 1 (right code) or 2 (wrong); device with failures on record 2 (wrong) or 3
/// (right); locked 1; unknown 1; already activated 1.
/// </remarks>
public sealed class ActivationService(DeviceCatalog catalog, ActivationCodeHasher hasher, DeviceLockoutPolicy lockout, TimeProvider timeProvider)
{
    public async Task<ActivationResult> ActivateAsync(ActivationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = timeProvider.GetUtcNow();
        var codeHmac = hasher.Hash(request.Key, request.ActivationCode);
        var write = await catalog.TryActivateAsync(request.Key, codeHmac, request.OwnerEmail, now, cancellationToken).ConfigureAwait(false);
        if (write.Activated)
        {
            return new ActivationResult(ActivationOutcome.Activated, write.Device);
        }

        if (Settled(write.Device, now) is { } settled)
        {
            return settled;
        }

        var found = write.Device!;
        if (found.LastFailureAt is null)
        {
            // A clean device refused the one-request activation: the code is the only condition left.
            if (hasher.Matches(found.ActivationCodeHmac, request.Key, request.ActivationCode))
            {
                throw new InvalidOperationException($"DynamoDB refused the activation of {request.Key} although the stored item satisfies every condition.");
            }

            var counted = await catalog.RecordFailedAttemptAsync(found, now, lockout, cancellationToken).ConfigureAwait(false);
            return counted is null ? new ActivationResult(ActivationOutcome.DeviceNotFound) : new ActivationResult(ActivationOutcome.WrongCode, counted);
        }

        return await ActivateReservedAsync(request, codeHmac, found, now, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The path for a device with failures on record: count, then check, then bind.</summary>
    private async Task<ActivationResult> ActivateReservedAsync(ActivationRequest request, string codeHmac, DeviceRecord found, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reservation = await catalog.ReserveAttemptAsync(found, now, lockout, cancellationToken).ConfigureAwait(false);
        if (!reservation.Reserved)
        {
            return Settled(reservation.Device, now)
                ?? throw new InvalidOperationException($"DynamoDB refused to count an attempt on {request.Key} although the device is open.");
        }

        var counted = reservation.Device!;
        if (!hasher.Matches(counted.ActivationCodeHmac, request.Key, request.ActivationCode))
        {
            return new ActivationResult(ActivationOutcome.WrongCode, counted);
        }

        var bound = await catalog.TryActivateReservedAsync(request.Key, codeHmac, request.OwnerEmail, now, cancellationToken).ConfigureAwait(false);
        if (bound.Activated)
        {
            return new ActivationResult(ActivationOutcome.Activated, bound.Device);
        }

        return Settled(bound.Device, now)
            ?? throw new InvalidOperationException($"DynamoDB refused to bind {request.Key} after admitting the right code.");
    }

    /// <summary>The outcome a refused write already decides (unknown, activated, locked), or null when the code decides.</summary>
    private ActivationResult? Settled(DeviceRecord? device, DateTimeOffset now)
    {
        if (device is null)
        {
            return new ActivationResult(ActivationOutcome.DeviceNotFound);
        }

        if (device.Activated)
        {
            return new ActivationResult(ActivationOutcome.AlreadyActivated, device);
        }

        return lockout.LockedUntil(device, now) is { } lockedUntil
            ? new ActivationResult(ActivationOutcome.Locked, device, lockedUntil - now)
            : null;
    }
}

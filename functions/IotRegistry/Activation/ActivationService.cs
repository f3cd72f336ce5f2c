using LambdaSuite.Data.Devices;

namespace IotRegistry.Activation;

/// <summary>
/// Binds an owner with one conditional update whose condition holds the code's HMAC, so a success costs one
/// request. When DynamoDB refuses, the old item it returns says why (unknown, already activated, locked or wrong
/// code); only a wrong code costs a second write, the counted failure.
/// </summary>
/// <remarks>
/// Between a refused attempt and its count a concurrent burst can still be checked, so a burst of P parallel
/// guesses may get up to P checks past the N-th failure before the lock shows; bound P with reserved concurrency
/// or a rate limit in front of the HTTP door.
/// </remarks>
public sealed class ActivationService(DeviceCatalog catalog, ActivationCodeHasher hasher, DeviceLockoutPolicy lockout, TimeProvider timeProvider)
{
    public async Task<ActivationResult> ActivateAsync(ActivationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = timeProvider.GetUtcNow();
        var write = await catalog.TryActivateAsync(
            request.Key, hasher.Hash(request.Key, request.ActivationCode), request.OwnerEmail, now, lockout, cancellationToken).ConfigureAwait(false);
        if (write.Activated)
        {
            return new ActivationResult(ActivationOutcome.Activated, write.Device);
        }

        if (write.Device is not { } found)
        {
            return new ActivationResult(ActivationOutcome.DeviceNotFound);
        }

        if (found.Activated)
        {
            return new ActivationResult(ActivationOutcome.AlreadyActivated, found);
        }

        if (lockout.LockedUntil(found, now) is { } lockedUntil)
        {
            return new ActivationResult(ActivationOutcome.Locked, found, lockedUntil - now);
        }

        if (hasher.Matches(found.ActivationCodeHmac, request.Key, request.ActivationCode))
        {
            throw new InvalidOperationException($"DynamoDB refused the activation of {request.Key} although the stored item satisfies every condition.");
        }

        var counted = await catalog.RecordFailedAttemptAsync(found, now, lockout, cancellationToken).ConfigureAwait(false);
        return counted is null
            ? new ActivationResult(ActivationOutcome.DeviceNotFound)
            : new ActivationResult(ActivationOutcome.WrongCode, counted);
    }
}

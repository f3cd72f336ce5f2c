using IotRegistry.Keys;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Lifecycle;

/// <summary>
/// Transfer, unbind and deregister. Each change is one transaction (the device's conditional update and its history
/// line, <see cref="DeviceCatalog.ChangeAsync"/>) conditioned on the device as read, so of racing requests one wins
/// and the others are answered <see cref="LifecycleOutcome.Conflict"/>. An owner's proof (the owner's e-mail and the
/// device's activation code) is counted before it is checked, under the device's lockout, as activation codes are.
/// </summary>
/// <remarks>
/// Requests: an administrator's transfer, unbind or deregister 2 (GetItem, TransactWriteItems); an owner's transfer 2
/// (the counted UpdateItem, then TransactWriteItems), 1 when the proof is wrong or the device locked.
/// </remarks>
internal sealed class LifecycleService(IDeviceLifecycleStore store, ActivationKeyRing keys, DeviceLockoutPolicy lockout, TimeProvider timeProvider)
{
    public async Task<LifecycleResult> TransferAsync(TransferRequest request, DeviceActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        var now = timeProvider.GetUtcNow();
        DeviceRecord device;
        string actorName;
        if (actor.Administrator)
        {
            var found = await store.GetAsync(request.Key, cancellationToken).ConfigureAwait(false);
            if (Refusal(found, needsOwner: true) is { } refusal)
            {
                return refusal;
            }

            device = found!;
            actorName = actor.Actor;
        }
        else
        {
            if (request.OwnerEmail is null || request.ActivationCode is null)
            {
                return new LifecycleResult(LifecycleOutcome.WrongProof);
            }

            var counted = await store.CountProofAttemptAsync(request.Key, now, lockout, cancellationToken).ConfigureAwait(false);
            if (!counted.Recorded)
            {
                return counted.Device is { } old && lockout.LockedUntil(old, now) is { } until && old.Activated && !old.Deregistered
                    ? new LifecycleResult(LifecycleOutcome.Locked, old, RetryAfter: until - now)
                    : Refusal(counted.Device, needsOwner: true) ?? new LifecycleResult(LifecycleOutcome.Conflict, counted.Device);
            }

            device = counted.Device!;
            if (!await ProofMatchesAsync(device, request, cancellationToken).ConfigureAwait(false))
            {
                return new LifecycleResult(LifecycleOutcome.WrongProof, device);
            }

            actorName = request.OwnerEmail;
        }

        var change = new DeviceChange(DeviceChangeKind.Transfer, actor.Door, actorName, now, NewOwnerEmail: request.NewOwnerEmail, ExpectedOwnerEmail: device.OwnerEmail);
        var result = await store.ChangeAsync(device, change, cancellationToken).ConfigureAwait(false);
        return result.Applied
            ? new LifecycleResult(LifecycleOutcome.Transferred, result.Device)
            : Refusal(result.Device, needsOwner: true) ?? new LifecycleResult(LifecycleOutcome.Conflict, result.Device);
    }

    /// <summary>Back to unactivated under a new code (returned in the result for the administrator's answer only); the old code never works again.</summary>
    public async Task<LifecycleResult> UnbindAsync(DeviceKey key, DeviceActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Administrator)
        {
            return new LifecycleResult(LifecycleOutcome.AdministratorRequired);
        }

        var found = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (Refusal(found, needsOwner: false) is { } refusal)
        {
            return refusal;
        }

        var code = ActivationCodeGenerator.NewCode();
        var hasher = await keys.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var change = new DeviceChange(DeviceChangeKind.Unbind, actor.Door, actor.Actor, timeProvider.GetUtcNow(), NewCodeHmac: hasher.Hash(key, code), NewKeyId: hasher.KeyId);
        var result = await store.ChangeAsync(found!, change, cancellationToken).ConfigureAwait(false);
        return result.Applied
            ? new LifecycleResult(LifecycleOutcome.Unbound, result.Device, NewActivationCode: code)
            : Refusal(result.Device, needsOwner: false) ?? new LifecycleResult(LifecycleOutcome.Conflict, result.Device);
    }

    public async Task<LifecycleResult> DeregisterAsync(DeviceKey key, DeviceActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Administrator)
        {
            return new LifecycleResult(LifecycleOutcome.AdministratorRequired);
        }

        var found = await store.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (Refusal(found, needsOwner: false) is { } refusal)
        {
            return refusal;
        }

        var result = await store.ChangeAsync(found!, new DeviceChange(DeviceChangeKind.Deregister, actor.Door, actor.Actor, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return result.Applied
            ? new LifecycleResult(LifecycleOutcome.Deregistered, result.Device)
            : Refusal(result.Device, needsOwner: false) ?? new LifecycleResult(LifecycleOutcome.Conflict, result.Device);
    }

    public Task<DeviceHistoryPage> HistoryAsync(DeviceKey key, long after, CancellationToken cancellationToken = default) =>
        store.HistoryAsync(key, after, DeviceCatalog.MaxHistoryPage, cancellationToken);

    /// <summary>Why nothing can be done to <paramref name="device"/> as found, or null when it is fit for the change.</summary>
    private static LifecycleResult? Refusal(DeviceRecord? device, bool needsOwner) => device switch
    {
        null => new LifecycleResult(LifecycleOutcome.DeviceNotFound),
        { Deregistered: true } => new LifecycleResult(LifecycleOutcome.DeviceDeregistered, device),
        { Activated: false } when needsOwner => new LifecycleResult(LifecycleOutcome.NotActivated, device),
        _ => null,
    };

    /// <summary>
    /// The code under the key the stored hash names (a retired key cannot confirm it) and the owner's address, both
    /// checked whatever the first gives, so the time taken does not tell which one failed.
    /// </summary>
    private async Task<bool> ProofMatchesAsync(DeviceRecord device, TransferRequest request, CancellationToken cancellationToken)
    {
        var hasher = await keys.FindAsync(device.HmacKeyId, cancellationToken).ConfigureAwait(false);
        var codeMatches = hasher is not null && hasher.Matches(device.ActivationCodeHmac, device.Key, request.ActivationCode!);
        var ownerMatches = string.Equals(device.OwnerEmail, request.OwnerEmail, StringComparison.OrdinalIgnoreCase);
        return codeMatches & ownerMatches;
    }
}

namespace LambdaSuite.Data.Devices;

/// <summary>
/// The device catalog operations IotRegistry's services call: the seam they take, so their rules (validation,
/// answers, key handling) can be tested without a server. <see cref="DeviceCatalog"/> is the DynamoDB one, where
/// the conditions that make registration and activation safe under races live; those are tested against DynamoDB Local.
/// </summary>
public interface IDeviceCatalog
{
    /// <summary>Writes <paramref name="device"/> only if no item has its key; otherwise returns the stored item untouched.</summary>
    Task<DeviceCreateResult> CreateIfAbsentAsync(DeviceRecord device, CancellationToken cancellationToken = default);

    /// <summary>The device with <paramref name="key"/>, read strongly consistent, or null.</summary>
    Task<DeviceRecord?> GetAsync(DeviceKey key, CancellationToken cancellationToken = default);

    /// <summary>One activation attempt, counted and recorded as the device's claim in one conditional write (see <see cref="DeviceCatalog.RecordAttemptAsync"/>).</summary>
    Task<DeviceActivationWrite> RecordAttemptAsync(
        DeviceKey key,
        DeviceActivationClaim claim,
        Func<string?, CancellationToken, ValueTask<DeviceActivationClaim?>> claimUnder,
        string ownerEmail,
        DateTimeOffset now,
        DeviceLockoutPolicy lockout,
        CancellationToken cancellationToken = default);
}

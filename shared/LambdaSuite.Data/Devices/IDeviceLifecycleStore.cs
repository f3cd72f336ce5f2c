namespace LambdaSuite.Data.Devices;

/// <summary>
/// The catalog operations IotRegistry's lifecycle (transfer, unbind, deregister, certificate binding, history) calls.
/// <see cref="DeviceCatalog"/> is the only implementation: what makes these safe is DynamoDB's transactions and
/// conditions, so the services over it are tested against DynamoDB Local.
/// </summary>
public interface IDeviceLifecycleStore
{
    /// <summary>The device with <paramref name="key"/>, read strongly consistent, or null.</summary>
    Task<DeviceRecord?> GetAsync(DeviceKey key, CancellationToken cancellationToken = default);

    /// <summary>A lifecycle change and its history line, both or neither (see <see cref="DeviceCatalog.ChangeAsync"/>).</summary>
    Task<DeviceChangeResult> ChangeAsync(DeviceRecord seen, DeviceChange change, CancellationToken cancellationToken = default);

    /// <summary>One proof attempt counted before it is checked (see <see cref="DeviceCatalog.CountProofAttemptAsync"/>).</summary>
    Task<DeviceActivationWrite> CountProofAttemptAsync(DeviceKey key, DateTimeOffset now, DeviceLockoutPolicy lockout, CancellationToken cancellationToken = default);

    /// <summary>A page of the device's history, oldest first (see <see cref="DeviceCatalog.HistoryAsync"/>).</summary>
    Task<DeviceHistoryPage> HistoryAsync(DeviceKey key, long after = 0, int limit = DeviceCatalog.MaxHistoryPage, CancellationToken cancellationToken = default);
}

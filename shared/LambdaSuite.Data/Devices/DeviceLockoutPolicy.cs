namespace LambdaSuite.Data.Devices;

/// <summary>
/// When a device stops accepting activation attempts: after <see cref="MaxFailedAttempts"/> failures
/// counted within one <see cref="Window"/>, until <see cref="Window"/> has passed since the last counted
/// failure. <see cref="DeviceCatalog"/> states the same rule as a DynamoDB condition; both live next to
/// each other so they cannot drift apart.
/// </summary>
public sealed record DeviceLockoutPolicy(int MaxFailedAttempts, TimeSpan Window)
{
    public static DeviceLockoutPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15));

    /// <summary>True when <paramref name="device"/> refuses activation attempts at <paramref name="now"/>.</summary>
    public bool IsLocked(DeviceRecord device, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.FailedAttempts >= MaxFailedAttempts
            && device.LastFailureAt is { } last
            && last > now - Window;
    }

    /// <summary>When the lock on <paramref name="device"/> lifts, or null when it is not locked at <paramref name="now"/>.</summary>
    public DateTimeOffset? LockedUntil(DeviceRecord device, DateTimeOffset now) =>
        IsLocked(device, now) ? device.LastFailureAt!.Value + Window : null;

    /// <summary>True when failures counted before <paramref name="now"/> no longer belong to the current window.</summary>
    public bool WindowExpired(DeviceRecord device, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.FailedWindowStart is not { } start || start <= now - Window;
    }
}

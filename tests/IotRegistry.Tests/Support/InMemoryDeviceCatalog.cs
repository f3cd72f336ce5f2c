using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Tests.Support;

/// <summary>
/// The device catalog in memory, for tests of the services' own rules (validation, answers, key handling) that need
/// no server. It keeps DeviceCatalog's contract one call at a time: create-if-absent, and an attempt admitted only on
/// an open device whose key fits, counted in the current window or a new one. What makes that safe under races is
/// DynamoDB's conditional write, so races, request counts and the conditions themselves are tested against
/// DynamoDB Local, never here. Calls are counted by operation, so a test can assert that refused input reached no store.
/// </summary>
internal sealed class InMemoryDeviceCatalog : IDeviceCatalog
{
    private readonly ConcurrentDictionary<DeviceKey, DeviceRecord> _devices = new();
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    /// <summary>Calls so far, by operation (<c>CreateIfAbsent</c>, <c>Get</c>, <c>RecordAttempt</c>).</summary>
    public IReadOnlyDictionary<string, int> Calls => new Dictionary<string, int>(_calls, StringComparer.Ordinal);

    public void ResetCalls() => _calls.Clear();

    public Task<DeviceCreateResult> CreateIfAbsentAsync(DeviceRecord device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        Count("CreateIfAbsent");
        var stored = _devices.GetOrAdd(device.Key, device);
        return Task.FromResult(ReferenceEquals(stored, device) ? new DeviceCreateResult(true, null) : new DeviceCreateResult(false, stored));
    }

    public Task<DeviceRecord?> GetAsync(DeviceKey key, CancellationToken cancellationToken = default)
    {
        Count("Get");
        return Task.FromResult(_devices.TryGetValue(key, out var device) ? device : null);
    }

    public async Task<DeviceActivationWrite> RecordAttemptAsync(
        DeviceKey key,
        DeviceActivationClaim claim,
        Func<string?, CancellationToken, ValueTask<DeviceActivationClaim?>> claimUnder,
        string ownerEmail,
        DateTimeOffset now,
        DeviceLockoutPolicy lockout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(claimUnder);
        ArgumentNullException.ThrowIfNull(lockout);
        Count("RecordAttempt");
        if (!_devices.TryGetValue(key, out var old) || old.Activated || lockout.IsLocked(old, now))
        {
            return new DeviceActivationWrite(false, old);
        }

        if (!claim.Fits(old.HmacKeyId))
        {
            if (await claimUnder(old.HmacKeyId, cancellationToken).ConfigureAwait(false) is not { } fitting)
            {
                return new DeviceActivationWrite(false, old);
            }

            claim = fitting;
        }

        // The two counter forms of DeviceCatalog's update: a new window after an expired one, else count in the open one.
        var newWindow = old.FailedWindowStart is { } start && start <= now - lockout.Window;
        var activated = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(claim.CodeHmac), Encoding.UTF8.GetBytes(old.ActivationCodeHmac));
        var written = old with
        {
            FailedAttempts = newWindow ? 1 : old.FailedAttempts + 1,
            FailedWindowStart = newWindow ? now : old.FailedWindowStart ?? now,
            LastFailureAt = now,
            Activated = activated,
            OwnerEmail = activated ? ownerEmail : null,
            ActivatedAt = activated ? now : null,
        };
        _devices[key] = written;
        return new DeviceActivationWrite(true, written);
    }

    private void Count(string operation) => _calls.AddOrUpdate(operation, 1, static (_, n) => n + 1);
}

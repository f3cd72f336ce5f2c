using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;

namespace Shared.Tests.Data.Devices;

/// <summary>Lifecycle changes and history against DynamoDB Local: one transaction each, one winner per race.</summary>
[Trait("Category", "Integration")]
public sealed class DeviceCatalogLifecycleTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DeviceLockoutPolicy s_policy = new(3, TimeSpan.FromMinutes(10));
    private readonly DeviceCatalog _catalog = table.Catalog;

    [Fact]
    public async Task ChangeAsync_TransferOfActivatedDevice_OneTransactionLogsActivationThenTransfer()
    {
        var device = await ActivatedDeviceAsync();
        table.ResetRequestCounts();

        var result = await _catalog.ChangeAsync(device, Transfer("new@example.com", s_now.AddHours(1)));
        var stored = await _catalog.GetAsync(device.Key);
        var history = await _catalog.HistoryAsync(device.Key);

        Assert.True(result.Applied);
        Assert.Equal(stored, result.Device);
        Assert.Equal("new@example.com", stored!.OwnerEmail);
        Assert.True(stored.Activated);
        Assert.Equal(2, stored.HistorySeq);
        Assert.Equal(
            [(0L, "register", "registered"), (1L, "activate", "activated"), (2L, "transfer", "transferred")],
            history.Entries.Select(e => (e.Sequence, e.Action, e.Outcome)));
        Assert.Equal("owner@example.com", history.Entries[1].Actor);
        Assert.Equal(DeviceDoors.Alb, history.Entries[1].Door);
        Assert.Null(history.Next);
    }

    [Fact]
    public async Task ChangeAsync_ConcurrentTransfersFromOneRead_ExactlyOneApplied()
    {
        var device = await ActivatedDeviceAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => _catalog.ChangeAsync(device, Transfer($"buyer{i}@example.com", s_now.AddHours(1))))));
        var stored = await _catalog.GetAsync(device.Key);
        var history = await _catalog.HistoryAsync(device.Key);

        var winner = Assert.Single(results, r => r.Applied);
        Assert.Equal(winner.Device!.OwnerEmail, stored!.OwnerEmail);
        Assert.Single(history.Entries, e => e.Action == DeviceHistoryActions.Transfer);
    }

    [Fact]
    public async Task ChangeAsync_TransferExpectingAnotherOwner_RefusedWithTheDeviceAndNothingWritten()
    {
        var device = await ActivatedDeviceAsync();

        var result = await _catalog.ChangeAsync(device, Transfer("new@example.com", s_now) with { ExpectedOwnerEmail = "someone-else@example.com" });

        Assert.False(result.Applied);
        Assert.Equal("owner@example.com", result.Device!.OwnerEmail);
        Assert.Equal(0, (await _catalog.GetAsync(device.Key))!.HistorySeq);
    }

    [Fact]
    public async Task ChangeAsync_Unbind_DeviceUnactivatedUnderTheNewHashAndOldClaimGone()
    {
        var device = await ActivatedDeviceAsync();

        var result = await _catalog.ChangeAsync(device, new DeviceChange(DeviceChangeKind.Unbind, DeviceDoors.ApiGatewayV2, "arn:aws:iam::123456789012:user/admin", s_now, NewCodeHmac: "bmV3LWhtYWM=", NewKeyId: "key-new"));
        var stored = await _catalog.GetAsync(device.Key);
        var retry = await _catalog.RecordAttemptAsync(device.Key, new DeviceActivationClaim(device.ActivationCodeHmac, "key-new", true), NoOtherKey, "owner@example.com", s_now, s_policy);

        Assert.True(result.Applied);
        Assert.False(stored!.Activated);
        Assert.Null(stored.OwnerEmail);
        Assert.Equal("bmV3LWhtYWM=", stored.ActivationCodeHmac);
        Assert.Equal(0, stored.FailedAttempts);
        Assert.True(retry.Recorded);
        Assert.False(retry.Device!.Activated);
    }

    [Fact]
    public async Task ChangeAsync_Deregister_ActivationTransferAndSecondDeregisterRefused()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);

        var retired = await _catalog.ChangeAsync(device, new DeviceChange(DeviceChangeKind.Deregister, DeviceDoors.ApiGatewayV2, "admin", s_now));
        var attempt = await _catalog.RecordAttemptAsync(device.Key, new DeviceActivationClaim(device.ActivationCodeHmac, "k", true), NoOtherKey, "owner@example.com", s_now, s_policy);
        var again = await _catalog.ChangeAsync(retired.Device!, new DeviceChange(DeviceChangeKind.Deregister, DeviceDoors.ApiGatewayV2, "admin", s_now));
        var stored = await _catalog.GetAsync(device.Key);

        Assert.True(retired.Applied);
        Assert.False(attempt.Recorded);
        Assert.True(attempt.Device!.Deregistered);
        Assert.False(again.Applied);
        Assert.False(stored!.Activated);
        Assert.Equal(s_now, stored.DeregisteredAt);
        Assert.Equal(0, stored.FailedAttempts);
    }

    [Fact]
    public async Task ChangeAsync_BindCertificateWhenOneIsBound_Refused()
    {
        var device = NewDevice() with { CertificateId = "cert1" };
        await _catalog.CreateIfAbsentAsync(device);

        var result = await _catalog.ChangeAsync(device, new DeviceChange(DeviceChangeKind.BindCertificate, DeviceDoors.ProvisioningHook, "cert2", s_now, CertificateId: "cert2"));

        Assert.False(result.Applied);
        Assert.Equal("cert1", (await _catalog.GetAsync(device.Key))!.CertificateId);
    }

    [Fact]
    public async Task CountProofAttemptAsync_BurstOnActivatedDevice_CountsExactlyTheThreshold()
    {
        var device = await ActivatedDeviceAsync();

        var writes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => _catalog.CountProofAttemptAsync(device.Key, s_now.AddMinutes(20), s_policy))));

        Assert.Equal(s_policy.MaxFailedAttempts, writes.Count(w => w.Recorded));
        Assert.All(writes.Where(w => !w.Recorded), w => Assert.True(s_policy.IsLocked(w.Device!, s_now.AddMinutes(20))));
    }

    [Fact]
    public async Task CountProofAttemptAsync_UnactivatedDevice_RefusedWithoutCounting()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);

        var write = await _catalog.CountProofAttemptAsync(device.Key, s_now, s_policy);

        Assert.False(write.Recorded);
        Assert.Equal(0, write.Device!.FailedAttempts);
    }

    [Fact]
    public async Task HistoryAsync_ManyLines_PagedInOrderAndListingSkipsThem()
    {
        var device = await ActivatedDeviceAsync();
        var current = device;
        for (var i = 0; i < 5; i++)
        {
            current = (await _catalog.ChangeAsync(current, Transfer($"owner{i}@example.com", s_now.AddMinutes(i)))).Device!;
        }

        var first = await _catalog.HistoryAsync(device.Key, limit: 3);
        var second = await _catalog.HistoryAsync(device.Key, first.Next!.Value, limit: 3);
        var listed = new List<DeviceRecord>();
        await foreach (var d in _catalog.ListAsync())
        {
            listed.Add(d);
        }

        Assert.Equal([0L, 1, 2, 3], first.Entries.Select(e => e.Sequence));
        Assert.Equal([4L, 5, 6], second.Entries.Select(e => e.Sequence));
        Assert.Null(second.Next);
        Assert.DoesNotContain(listed, d => d.Key.ClientId.Contains('#', StringComparison.Ordinal));
        Assert.Contains(listed, d => d.Key == device.Key);
    }

    [Fact]
    public async Task DeleteAsync_DeviceWithHistory_RemovesTheLinesSoARecreatedDeviceStartsClean()
    {
        var device = await ActivatedDeviceAsync();
        await _catalog.ChangeAsync(device, Transfer("new@example.com", s_now));

        await _catalog.DeleteAsync(device.Key);
        await _catalog.CreateIfAbsentAsync(device with { Activated = false, OwnerEmail = null, ActivatedAt = null, ActivatedVia = null });
        var history = await _catalog.HistoryAsync(device.Key);

        Assert.Equal(["register"], history.Entries.Select(e => e.Action));
    }

    private async Task<DeviceRecord> ActivatedDeviceAsync()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);
        var write = await _catalog.RecordAttemptAsync(
            device.Key, new DeviceActivationClaim(device.ActivationCodeHmac, "k", true) { Door = DeviceDoors.Alb }, NoOtherKey, "owner@example.com", s_now, s_policy);
        Assert.True(write.Device!.Activated);
        return write.Device;
    }

    private static DeviceChange Transfer(string newOwner, DateTimeOffset at) =>
        new(DeviceChangeKind.Transfer, DeviceDoors.ApiGatewayV2, "arn:aws:iam::123456789012:user/admin", at, NewOwnerEmail: newOwner);

    private static DeviceRecord NewDevice() =>
        new(new DeviceKey("SN-" + Guid.NewGuid().ToString("N"), "client-1"), Convert.ToBase64String(Guid.NewGuid().ToByteArray()), s_now.AddDays(-1));

    private static ValueTask<DeviceActivationClaim?> NoOtherKey(string? keyId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"No claim under key '{keyId}' was expected.");
}

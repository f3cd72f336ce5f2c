using Amazon.DynamoDBv2.Model;
using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;

namespace Shared.Tests.Data.Devices;

[Trait("Category", "Integration")]
public sealed class DeviceCatalogTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
    private static readonly DeviceLockoutPolicy s_policy = new(3, TimeSpan.FromMinutes(10));
    private readonly DeviceCatalog _catalog = table.Catalog;

    [Fact]
    public async Task CreateIfAbsentAsync_NewDevice_WritesEveryField()
    {
        var device = NewDevice() with { DeviceName = "thermostat", Type = "MySmartIoTDevice", Endpoint = "example.iot.us-east-1.amazonaws.com", CertificateId = "abc123", Principal = "abc123" };

        var result = await _catalog.CreateIfAbsentAsync(device);
        var stored = await _catalog.GetAsync(device.Key);

        Assert.True(result.Created);
        Assert.Equal(device, stored);
    }

    [Fact]
    public async Task CreateIfAbsentAsync_ExistingDevice_ReturnsStoredItemWithoutARead()
    {
        var original = NewDevice();
        await _catalog.CreateIfAbsentAsync(original);
        var replacement = original with { ActivationCodeHmac = "other", DeviceName = "other" };
        table.ResetRequestCounts();

        var result = await _catalog.CreateIfAbsentAsync(replacement);

        Assert.False(result.Created);
        Assert.Equal(original, result.Existing);
        Assert.Equal(0, table.RequestCount("GetItem"));
        Assert.Equal(original, await _catalog.GetAsync(original.Key));
    }

    [Fact]
    public async Task TryActivateAsync_MatchingHmac_BindsOwnerInOneRequest()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);
        table.ResetRequestCounts();

        var write = await _catalog.TryActivateAsync(device.Key, device.ActivationCodeHmac, "owner@example.com", s_now);

        Assert.True(write.Activated);
        Assert.True(write.Device!.Activated);
        Assert.Equal("owner@example.com", write.Device.OwnerEmail);
        Assert.Equal(s_now, write.Device.ActivatedAt);
        Assert.Equal(1, table.RequestCounts.Values.Sum());
    }

    [Fact]
    public async Task TryActivateAsync_UnknownDevice_ReportsNoDeviceInOneRequestAndCreatesNothing()
    {
        var key = new DeviceKey("unknown-" + Guid.NewGuid().ToString("N"), "client-1");
        table.ResetRequestCounts();

        var write = await _catalog.TryActivateAsync(key, "hmac", "owner@example.com", s_now);

        Assert.False(write.Activated);
        Assert.Null(write.Device);
        Assert.Equal(1, table.RequestCounts.Values.Sum());
        var raw = await table.Client.GetItemAsync(new GetItemRequest { TableName = table.TableName, Key = DeviceKeyItem(key), ConsistentRead = true });
        Assert.True(raw.Item is null || raw.Item.Count == 0);
    }

    [Fact]
    public async Task TryActivateAsync_WrongHmac_ReturnsOldItemWithoutARead()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);
        table.ResetRequestCounts();

        var write = await _catalog.TryActivateAsync(device.Key, "wrong", "owner@example.com", s_now);

        Assert.False(write.Activated);
        Assert.Equal(device, write.Device);
        Assert.Equal(0, table.RequestCount("GetItem"));
    }

    [Fact]
    public async Task TryActivateAsync_AlreadyActivated_KeepsFirstOwner()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);
        await _catalog.TryActivateAsync(device.Key, device.ActivationCodeHmac, "first@example.com", s_now);

        var second = await _catalog.TryActivateAsync(device.Key, device.ActivationCodeHmac, "second@example.com", s_now.AddMinutes(1));

        Assert.False(second.Activated);
        Assert.Equal("first@example.com", second.Device!.OwnerEmail);
        Assert.Equal("first@example.com", (await _catalog.GetAsync(device.Key))!.OwnerEmail);
    }

    [Fact]
    public async Task TryActivateAsync_FailureOnRecord_RefusedEvenWithRightCode()
    {
        var device = NewDevice() with { FailedAttempts = 1, FailedWindowStart = s_now.AddMinutes(-1), LastFailureAt = s_now.AddMinutes(-1) };
        await _catalog.CreateIfAbsentAsync(device);

        var write = await _catalog.TryActivateAsync(device.Key, device.ActivationCodeHmac, "owner@example.com", s_now);

        Assert.False(write.Activated);
        Assert.Equal(device, write.Device);
    }

    [Fact]
    public async Task TryActivateReservedAsync_FailuresOnRecordEvenLocked_BindsAndClearsCounters()
    {
        var device = NewDevice() with { FailedAttempts = 3, FailedWindowStart = s_now.AddMinutes(-2), LastFailureAt = s_now };
        await _catalog.CreateIfAbsentAsync(device);

        var write = await _catalog.TryActivateReservedAsync(device.Key, device.ActivationCodeHmac, "owner@example.com", s_now);

        Assert.True(write.Activated);
        Assert.Equal(0, write.Device!.FailedAttempts);
        Assert.Null(write.Device.LastFailureAt);
        Assert.Null(write.Device.FailedWindowStart);
    }

    [Fact]
    public async Task TryActivateReservedAsync_WrongHmac_Refused()
    {
        var device = NewDevice() with { FailedAttempts = 1, FailedWindowStart = s_now, LastFailureAt = s_now };
        await _catalog.CreateIfAbsentAsync(device);

        var write = await _catalog.TryActivateReservedAsync(device.Key, "wrong", "owner@example.com", s_now);

        Assert.False(write.Activated);
        Assert.False((await _catalog.GetAsync(device.Key))!.Activated);
    }

    [Fact]
    public async Task ReserveAttemptAsync_OpenDevice_CountsBeforeTheCheck()
    {
        var device = NewDevice() with { FailedAttempts = 1, FailedWindowStart = s_now.AddMinutes(-1), LastFailureAt = s_now.AddMinutes(-1) };
        await _catalog.CreateIfAbsentAsync(device);

        var reservation = await _catalog.ReserveAttemptAsync(device, s_now, s_policy);

        Assert.True(reservation.Reserved);
        Assert.Equal(2, reservation.Device!.FailedAttempts);
        Assert.Equal(device.ActivationCodeHmac, reservation.Device.ActivationCodeHmac);
    }

    [Fact]
    public async Task ReserveAttemptAsync_LockedDevice_RefusedAndNotCounted()
    {
        var device = NewDevice() with { FailedAttempts = 3, FailedWindowStart = s_now.AddMinutes(-2), LastFailureAt = s_now.AddMinutes(-1) };
        await _catalog.CreateIfAbsentAsync(device);

        var reservation = await _catalog.ReserveAttemptAsync(device, s_now, s_policy);

        Assert.False(reservation.Reserved);
        Assert.Equal(device, reservation.Device);
        Assert.Equal(device, await _catalog.GetAsync(device.Key));
    }

    [Fact]
    public async Task ReserveAttemptAsync_ActivatedDevice_RefusedWithTheDevice()
    {
        var device = NewDevice() with { Activated = true, OwnerEmail = "owner@example.com", ActivatedAt = s_now };
        await _catalog.CreateIfAbsentAsync(device);

        var reservation = await _catalog.ReserveAttemptAsync(device with { Activated = false }, s_now, s_policy);

        Assert.False(reservation.Reserved);
        Assert.True(reservation.Device!.Activated);
    }

    [Fact]
    public async Task ReserveAttemptAsync_UnknownDevice_RefusedWithoutDeviceAndNothingCreated()
    {
        var device = NewDevice();

        var reservation = await _catalog.ReserveAttemptAsync(device, s_now, s_policy);

        Assert.False(reservation.Reserved);
        Assert.Null(reservation.Device);
        Assert.Null(await _catalog.GetAsync(device.Key));
    }

    [Fact]
    public async Task ReserveAttemptAsync_ManyConcurrentAttempts_AdmitsExactlyUpToTheThreshold()
    {
        var device = NewDevice() with { FailedAttempts = 1, FailedWindowStart = s_now, LastFailureAt = s_now };
        await _catalog.CreateIfAbsentAsync(device);

        var reservations = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _catalog.ReserveAttemptAsync(device, s_now, s_policy))));

        Assert.Equal(2, reservations.Count(r => r.Reserved));
        Assert.Equal(3, (await _catalog.GetAsync(device.Key))!.FailedAttempts);
    }

    [Fact]
    public async Task RecordFailedAttemptAsync_NoOpenWindow_StartsWindowAtOne()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);

        var counted = await _catalog.RecordFailedAttemptAsync(device, s_now, s_policy);

        Assert.Equal(1, counted!.FailedAttempts);
        Assert.Equal(s_now, counted.FailedWindowStart);
        Assert.Equal(s_now, counted.LastFailureAt);
    }

    [Fact]
    public async Task RecordFailedAttemptAsync_OpenWindow_AddsOneAndKeepsWindowStart()
    {
        var device = NewDevice() with { FailedAttempts = 2, FailedWindowStart = s_now.AddMinutes(-5), LastFailureAt = s_now.AddMinutes(-3) };
        await _catalog.CreateIfAbsentAsync(device);

        var counted = await _catalog.RecordFailedAttemptAsync(device, s_now, s_policy);

        Assert.Equal(3, counted!.FailedAttempts);
        Assert.Equal(s_now.AddMinutes(-5), counted.FailedWindowStart);
        Assert.Equal(s_now, counted.LastFailureAt);
    }

    [Fact]
    public async Task RecordFailedAttemptAsync_ExpiredWindow_RestartsCount()
    {
        var device = NewDevice() with { FailedAttempts = 2, FailedWindowStart = s_now.AddMinutes(-30), LastFailureAt = s_now.AddMinutes(-25) };
        await _catalog.CreateIfAbsentAsync(device);

        var counted = await _catalog.RecordFailedAttemptAsync(device, s_now, s_policy);

        Assert.Equal(1, counted!.FailedAttempts);
        Assert.Equal(s_now, counted.FailedWindowStart);
    }

    [Fact]
    public async Task RecordFailedAttemptAsync_StaleView_RetriesWithTheOtherFormAndLosesNoCount()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);
        await _catalog.RecordFailedAttemptAsync(device, s_now, s_policy);

        var counted = await _catalog.RecordFailedAttemptAsync(device, s_now.AddSeconds(1), s_policy);

        Assert.Equal(2, counted!.FailedAttempts);
        Assert.Equal(s_now, counted.FailedWindowStart);
    }

    [Fact]
    public async Task RecordFailedAttemptAsync_ManyConcurrentFailures_CountsEachOnce()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => _catalog.RecordFailedAttemptAsync(device, s_now, s_policy))));

        Assert.Equal(20, (await _catalog.GetAsync(device.Key))!.FailedAttempts);
    }

    [Fact]
    public async Task RecordFailedAttemptAsync_DeletedDevice_ReturnsNullAndCreatesNothing()
    {
        var device = NewDevice();

        var counted = await _catalog.RecordFailedAttemptAsync(device, s_now, s_policy);

        Assert.Null(counted);
        Assert.Null(await _catalog.GetAsync(device.Key));
    }

    private static DeviceRecord NewDevice() =>
        new(new DeviceKey("SN-" + Guid.NewGuid().ToString("N"), "client-1"), Convert.ToBase64String(Guid.NewGuid().ToByteArray()), s_now.AddDays(-1));

    private static Dictionary<string, AttributeValue> DeviceKeyItem(DeviceKey key) => new()
    {
        [DeviceAttributeNames.SerialNumber] = new AttributeValue { S = key.SerialNumber },
        [DeviceAttributeNames.ClientId] = new AttributeValue { S = key.ClientId },
    };
}

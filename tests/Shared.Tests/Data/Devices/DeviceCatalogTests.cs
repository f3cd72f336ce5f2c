using Amazon.DynamoDBv2.Model;
using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;

namespace Shared.Tests.Data.Devices;

[Trait("Category", "Integration")]
public sealed class DeviceCatalogTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
    private static readonly DeviceLockoutPolicy s_policy = new(3, TimeSpan.FromMinutes(10));
    private const string CurrentKeyId = "key-current";
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
    public async Task CreateIfAbsentAsync_ActivatedRecord_StoredAsMatchingClaimAndReadBack()
    {
        var device = NewDevice() with { Activated = true, OwnerEmail = "owner@example.com", ActivatedAt = s_now };

        await _catalog.CreateIfAbsentAsync(device);
        var raw = await RawItemAsync(device.Key);

        Assert.Equal(device, await _catalog.GetAsync(device.Key));
        Assert.Equal(device.ActivationCodeHmac, raw[DeviceAttributeNames.ClaimHmac].S);
        Assert.Equal("owner@example.com", raw[DeviceAttributeNames.ClaimEmail].S);
    }

    [Fact]
    public async Task CreateIfAbsentAsync_UnactivatedRecordNamingAnOwner_StoresNoClaim()
    {
        var device = NewDevice() with { OwnerEmail = "mallory@example.com", ActivatedAt = s_now };

        await _catalog.CreateIfAbsentAsync(device);
        var raw = await RawItemAsync(device.Key);

        Assert.False(raw.ContainsKey(DeviceAttributeNames.ClaimHmac));
        Assert.False(raw.ContainsKey(DeviceAttributeNames.ClaimEmail));
        Assert.Equal(device with { OwnerEmail = null, ActivatedAt = null }, await _catalog.GetAsync(device.Key));
    }

    [Fact]
    public async Task GetAsync_ItemWithAWrongClaim_NotActivatedAndNoOwner()
    {
        var device = NewDevice();
        await PutRawAsync(device, claimHmac: "d3JvbmctY2xhaW0=", claimEmail: "mallory@example.com");

        var stored = await _catalog.GetAsync(device.Key);

        Assert.False(stored!.Activated);
        Assert.Null(stored.OwnerEmail);
        Assert.Null(stored.ActivatedAt);
    }

    [Fact]
    public async Task GetAsync_ItemWhoseClaimIsTheHmac_ActivatedWithTheClaimAsOwner()
    {
        var device = NewDevice();
        await PutRawAsync(device, claimHmac: device.ActivationCodeHmac, claimEmail: "owner@example.com");

        var stored = await _catalog.GetAsync(device.Key);

        Assert.True(stored!.Activated);
        Assert.Equal("owner@example.com", stored.OwnerEmail);
        Assert.Equal(s_now, stored.ActivatedAt);
    }

    [Fact]
    public async Task RecordAttemptAsync_MatchingHmac_ActivatesInOneRequest()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);
        table.ResetRequestCounts();

        var write = await _catalog.RecordAttemptAsync(device.Key, Claim(device.ActivationCodeHmac), NoOtherKey, "owner@example.com", s_now, s_policy);

        Assert.True(write.Recorded);
        Assert.True(write.Device!.Activated);
        Assert.Equal("owner@example.com", write.Device.OwnerEmail);
        Assert.Equal(s_now, write.Device.ActivatedAt);
        Assert.Equal(new Dictionary<string, int> { ["UpdateItem"] = 1 }, table.RequestCounts);
        Assert.Equal(write.Device, await _catalog.GetAsync(device.Key));
    }

    [Fact]
    public async Task RecordAttemptAsync_WrongHmac_CountedInOneRequestAndClaimNotAnOwner()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);
        table.ResetRequestCounts();

        var write = await _catalog.RecordAttemptAsync(device.Key, Claim("d3JvbmctY2xhaW0="), NoOtherKey, "mallory@example.com", s_now, s_policy);
        var raw = await RawItemAsync(device.Key);

        Assert.True(write.Recorded);
        Assert.False(write.Device!.Activated);
        Assert.Null(write.Device.OwnerEmail);
        Assert.Equal(1, write.Device.FailedAttempts);
        Assert.Equal(s_now, write.Device.FailedWindowStart);
        Assert.Equal(s_now, write.Device.LastFailureAt);
        Assert.Equal(1, table.RequestCount("UpdateItem"));
        Assert.Equal("mallory@example.com", raw[DeviceAttributeNames.ClaimEmail].S);
    }

    [Fact]
    public async Task RecordAttemptAsync_DeviceUnderPreviousKey_SecondWriteUnderThatKeyActivatesAndCountsOnce()
    {
        var device = NewDevice() with { HmacKeyId = "key-previous" };
        await _catalog.CreateIfAbsentAsync(device);
        table.ResetRequestCounts();
        string? askedFor = "not asked";

        var write = await _catalog.RecordAttemptAsync(
            device.Key,
            Claim("aGFzaC11bmRlci1jdXJyZW50"),
            (keyId, _) =>
            {
                askedFor = keyId;
                return ValueTask.FromResult<DeviceActivationClaim?>(new DeviceActivationClaim(device.ActivationCodeHmac, "key-previous", IsCurrentKey: false));
            },
            "owner@example.com",
            s_now,
            s_policy);

        Assert.True(write.Recorded);
        Assert.True(write.Device!.Activated);
        Assert.Equal("key-previous", askedFor);
        Assert.Equal(1, write.Device.FailedAttempts);
        Assert.Equal(2, table.RequestCount("UpdateItem"));
    }

    [Fact]
    public async Task RecordAttemptAsync_PreviousKeyClaimOnDeviceWithoutKeyId_NotWrittenUntilCurrentKeyClaim()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);
        table.ResetRequestCounts();

        var write = await _catalog.RecordAttemptAsync(
            device.Key,
            new DeviceActivationClaim("d3Jvbmc=", "key-previous", IsCurrentKey: false),
            (keyId, _) => ValueTask.FromResult<DeviceActivationClaim?>(keyId is null ? Claim("d3JvbmctY3VycmVudA==") : throw new InvalidOperationException("asked for " + keyId)),
            "owner@example.com",
            s_now,
            s_policy);

        Assert.True(write.Recorded);
        Assert.False(write.Device!.Activated);
        Assert.Equal(1, write.Device.FailedAttempts);
        Assert.Equal(2, table.RequestCount("UpdateItem"));
    }

    [Fact]
    public async Task RecordAttemptAsync_UnknownDevice_RefusedWithoutDeviceInOneRequestAndCreatesNothing()
    {
        var key = new DeviceKey("unknown-" + Guid.NewGuid().ToString("N"), "client-1");
        table.ResetRequestCounts();

        var write = await _catalog.RecordAttemptAsync(key, Claim("hmac"), NoOtherKey, "owner@example.com", s_now, s_policy);

        Assert.False(write.Recorded);
        Assert.Null(write.Device);
        Assert.Equal(1, table.RequestCounts.Values.Sum());
        var raw = await table.Client.GetItemAsync(new GetItemRequest { TableName = table.TableName, Key = DeviceKeyItem(key), ConsistentRead = true });
        Assert.True(raw.Item is null || raw.Item.Count == 0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RecordAttemptAsync_AlreadyActivated_RefusedAndClaimUntouched(bool rightCode)
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);
        await _catalog.RecordAttemptAsync(device.Key, Claim(device.ActivationCodeHmac), NoOtherKey, "first@example.com", s_now, s_policy);
        var before = await _catalog.GetAsync(device.Key);

        var second = await _catalog.RecordAttemptAsync(device.Key, Claim(rightCode ? device.ActivationCodeHmac : "d3Jvbmc="), NoOtherKey, "second@example.com", s_now.AddMinutes(1), s_policy);

        Assert.False(second.Recorded);
        Assert.True(second.Device!.Activated);
        Assert.Equal("first@example.com", second.Device.OwnerEmail);
        Assert.Equal(before, await _catalog.GetAsync(device.Key));
        Assert.Equal("first@example.com", (await RawItemAsync(device.Key))[DeviceAttributeNames.ClaimEmail].S);
    }

    [Fact]
    public async Task RecordAttemptAsync_LockedDevice_RefusedWithoutCountingEvenWithRightCode()
    {
        var device = NewDevice() with { FailedAttempts = 3, FailedWindowStart = s_now.AddMinutes(-2), LastFailureAt = s_now.AddMinutes(-1) };
        await _catalog.CreateIfAbsentAsync(device);
        table.ResetRequestCounts();

        var write = await _catalog.RecordAttemptAsync(device.Key, Claim(device.ActivationCodeHmac), NoOtherKey, "owner@example.com", s_now, s_policy);

        Assert.False(write.Recorded);
        Assert.Equal(device, write.Device);
        Assert.Equal(device, await _catalog.GetAsync(device.Key));
        Assert.Equal(1, table.RequestCount("UpdateItem"));
    }

    [Fact]
    public async Task RecordAttemptAsync_OpenWindow_AddsOneAndKeepsWindowStartInOneRequest()
    {
        var device = NewDevice() with { FailedAttempts = 2, FailedWindowStart = s_now.AddMinutes(-5), LastFailureAt = s_now.AddMinutes(-3) };
        await _catalog.CreateIfAbsentAsync(device);
        table.ResetRequestCounts();

        var write = await _catalog.RecordAttemptAsync(device.Key, Claim("d3Jvbmc="), NoOtherKey, "owner@example.com", s_now, s_policy);

        Assert.Equal(3, write.Device!.FailedAttempts);
        Assert.Equal(s_now.AddMinutes(-5), write.Device.FailedWindowStart);
        Assert.Equal(s_now, write.Device.LastFailureAt);
        Assert.Equal(1, table.RequestCount("UpdateItem"));
    }

    [Fact]
    public async Task RecordAttemptAsync_ExpiredWindow_RestartsCountWithASecondRequest()
    {
        var device = NewDevice() with { FailedAttempts = 2, FailedWindowStart = s_now.AddMinutes(-30), LastFailureAt = s_now.AddMinutes(-25) };
        await _catalog.CreateIfAbsentAsync(device);
        table.ResetRequestCounts();

        var write = await _catalog.RecordAttemptAsync(device.Key, Claim("d3Jvbmc="), NoOtherKey, "owner@example.com", s_now, s_policy);

        Assert.True(write.Recorded);
        Assert.Equal(1, write.Device!.FailedAttempts);
        Assert.Equal(s_now, write.Device.FailedWindowStart);
        Assert.Equal(2, table.RequestCount("UpdateItem"));
    }

    [Fact]
    public async Task RecordAttemptAsync_LockExpiredWithRightCode_Activates()
    {
        var device = NewDevice() with { FailedAttempts = 3, FailedWindowStart = s_now.AddMinutes(-12), LastFailureAt = s_now.AddMinutes(-10) };
        await _catalog.CreateIfAbsentAsync(device);

        var write = await _catalog.RecordAttemptAsync(device.Key, Claim(device.ActivationCodeHmac), NoOtherKey, "owner@example.com", s_now, s_policy);

        Assert.True(write.Recorded);
        Assert.True(write.Device!.Activated);
    }

    [Fact]
    public async Task RecordAttemptAsync_ManyConcurrentAttemptsOnCleanDevice_RecordsExactlyTheThreshold()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);

        var writes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => _catalog.RecordAttemptAsync(device.Key, Claim($"d3Jvbmc{i}"), NoOtherKey, "mallory@example.com", s_now, s_policy))));

        Assert.Equal(3, writes.Count(w => w.Recorded));
        Assert.All(writes.Where(w => !w.Recorded), w => Assert.True(s_policy.IsLocked(w.Device!, s_now)));
        Assert.Equal(3, (await _catalog.GetAsync(device.Key))!.FailedAttempts);
    }

    [Fact]
    public async Task RecordAttemptAsync_ConcurrentAttemptsOnExpiredWindow_OneNewWindowAndEachCountedOnce()
    {
        var device = NewDevice() with { FailedAttempts = 2, FailedWindowStart = s_now.AddMinutes(-30), LastFailureAt = s_now.AddMinutes(-25) };
        await _catalog.CreateIfAbsentAsync(device);

        var writes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => _catalog.RecordAttemptAsync(device.Key, Claim($"d3Jvbmc{i}"), NoOtherKey, "mallory@example.com", s_now, s_policy))));
        var stored = await _catalog.GetAsync(device.Key);

        Assert.Equal(3, writes.Count(w => w.Recorded));
        Assert.Equal(3, stored!.FailedAttempts);
        Assert.Equal(s_now, stored.FailedWindowStart);
    }

    [Fact]
    public async Task RecordAttemptAsync_ManyConcurrentRightCodes_ExactlyOneRecorded()
    {
        var device = NewDevice();
        await _catalog.CreateIfAbsentAsync(device);

        var writes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => _catalog.RecordAttemptAsync(device.Key, Claim(device.ActivationCodeHmac), NoOtherKey, $"owner{i}@example.com", s_now, new DeviceLockoutPolicy(100, TimeSpan.FromMinutes(10))))));

        var winner = Assert.Single(writes, w => w.Recorded);
        Assert.All(writes.Where(w => !w.Recorded), w => Assert.True(w.Device!.Activated));
        Assert.Equal(winner.Device!.OwnerEmail, (await _catalog.GetAsync(device.Key))!.OwnerEmail);
    }

    private static DeviceRecord NewDevice() =>
        new(new DeviceKey("SN-" + Guid.NewGuid().ToString("N"), "client-1"), Convert.ToBase64String(Guid.NewGuid().ToByteArray()), s_now.AddDays(-1));

    private static Dictionary<string, AttributeValue> DeviceKeyItem(DeviceKey key) => new()
    {
        [DeviceAttributeNames.SerialNumber] = new AttributeValue { S = key.SerialNumber },
        [DeviceAttributeNames.ClientId] = new AttributeValue { S = key.ClientId },
    };

    private async Task<Dictionary<string, AttributeValue>> RawItemAsync(DeviceKey key) =>
        (await table.Client.GetItemAsync(new GetItemRequest { TableName = table.TableName, Key = DeviceKeyItem(key), ConsistentRead = true })).Item;

    /// <summary>Writes <paramref name="device"/> with a claim, as only an attempt would, bypassing the catalog.</summary>
    private Task PutRawAsync(DeviceRecord device, string claimHmac, string claimEmail)
    {
        var item = DeviceKeyItem(device.Key);
        item[DeviceAttributeNames.ActivationCodeHmac] = new AttributeValue { S = device.ActivationCodeHmac };
        item[DeviceAttributeNames.RegisteredAt] = new AttributeValue { S = "2026-11-21T01:00:00.000Z" };
        item[DeviceAttributeNames.ClaimHmac] = new AttributeValue { S = claimHmac };
        item[DeviceAttributeNames.ClaimEmail] = new AttributeValue { S = claimEmail };
        item[DeviceAttributeNames.ClaimAt] = new AttributeValue { S = "2026-11-22T01:00:00.000Z" };
        return table.Client.PutItemAsync(new PutItemRequest { TableName = table.TableName, Item = item });
    }

    private static DeviceActivationClaim Claim(string codeHmac) => new(codeHmac, CurrentKeyId, IsCurrentKey: true);

    /// <summary>The devices here carry no key id, so the current key's claim always fits; a call for another key is a bug.</summary>
    private static ValueTask<DeviceActivationClaim?> NoOtherKey(string? keyId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException($"No claim under key '{keyId}' was expected.");
}

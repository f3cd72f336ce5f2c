using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;

namespace Shared.Tests.Data.Devices;

/// <summary>The operator reads: a table of its own (class fixture), so the listing sees only this class's devices.</summary>
[Trait("Category", "Integration")]
public sealed class DeviceCatalogListingTests(IotCatalogTableFixture table) : IClassFixture<IotCatalogTableFixture>
{
    private readonly DeviceCatalog _catalog = table.Catalog;

    [Fact]
    public async Task ListAsync_MorePagesThanOne_ReturnsEveryDeviceOnceAndDeleteAsyncRemovesOne()
    {
        var keys = Enumerable.Range(0, 7).Select(i => new DeviceKey("SN-LIST-" + Guid.NewGuid().ToString("N"), "client-" + i)).ToList();
        foreach (var key in keys)
        {
            await _catalog.CreateIfAbsentAsync(new DeviceRecord(key, "hmac", DateTimeOffset.UtcNow));
        }

        table.ResetRequestCounts();

        var listed = new List<DeviceKey>();
        await foreach (var device in _catalog.ListAsync(pageSize: 3))
        {
            listed.Add(device.Key);
        }

        var scans = table.RequestCount("Scan");
        var deleted = await _catalog.DeleteAsync(keys[0]);
        var deletedAgain = await _catalog.DeleteAsync(keys[0]);

        Assert.Equal(keys.OrderBy(k => k.SerialNumber, StringComparer.Ordinal), listed.OrderBy(k => k.SerialNumber, StringComparer.Ordinal));
        Assert.Equal(3, scans);
        Assert.True(deleted);
        Assert.False(deletedAgain);
        Assert.Null(await _catalog.GetAsync(keys[0]));
    }

    [Fact]
    public async Task ListAsync_PageSizeZero_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
        {
            await foreach (var _ in _catalog.ListAsync(pageSize: 0))
            {
            }
        });
    }
}

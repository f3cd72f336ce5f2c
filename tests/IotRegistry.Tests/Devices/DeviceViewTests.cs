using System.Text.Json;
using IotRegistry.Devices;
using IotRegistry.Json;
using LambdaSuite.Data.Devices;

namespace IotRegistry.Tests.Devices;

public sealed class DeviceViewTests
{
    [Fact]
    public void From_ActivatedDevice_NoHashNoCountersMaskedOwner()
    {
        var record = new DeviceRecord(
            new DeviceKey("SN-1", "client-1"), "c2VjcmV0LWhtYWM=", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
            DeviceName: "Thermostat", Activated: true, OwnerEmail: "alice@example.com", ActivatedAt: new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero),
            FailedAttempts: 2, LastFailureAt: DateTimeOffset.UnixEpoch);

        var json = JsonSerializer.Serialize(DeviceView.From(record), IotRegistryJsonContext.Default.DeviceView);

        Assert.DoesNotContain("c2VjcmV0LWhtYWM=", json, StringComparison.Ordinal);
        Assert.DoesNotContain("failed", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alice", json, StringComparison.Ordinal);
        Assert.Contains("\"owner\":\"a***@example.com\"", json, StringComparison.Ordinal);
        Assert.Contains("\"activatedAt\":\"2026-11-02T00:00:00.000Z\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alice@example.com", "a***@example.com")]
    [InlineData("b@example.com", "b***@example.com")]
    [InlineData("no-at-sign", "***")]
    public void MaskEmail_Address_KeepsFirstCharacterAndDomain(string email, string expected)
    {
        var masked = DeviceView.MaskEmail(email);

        Assert.Equal(expected, masked);
    }
}

using DnsMirror.Config;

namespace DnsMirror.Tests.Config;

public sealed class DnsMirrorSettingsTests
{
    [Fact]
    public void Read_TransferLimitsUnset_DefaultsFarAboveTheBenchmarkZone()
    {
        var settings = DnsMirrorSettings.Read(_ => null);

        Assert.Equal((200_000L, 32L * 1024 * 1024), (settings.MaxTransferRecords, settings.MaxTransferBytes));
    }

    [Fact]
    public void Read_TransferLimitsSet_TakesThem()
    {
        var environment = new Dictionary<string, string> { ["DNS_MIRROR_MAX_TRANSFER_RECORDS"] = "1000000", ["DNS_MIRROR_MAX_TRANSFER_BYTES"] = "67108864" };

        var settings = DnsMirrorSettings.Read(environment.GetValueOrDefault);

        Assert.Equal((1_000_000L, 67_108_864L), (settings.MaxTransferRecords, settings.MaxTransferBytes));
    }

    [Theory]
    [InlineData("DNS_MIRROR_MAX_TRANSFER_RECORDS", "0")]
    [InlineData("DNS_MIRROR_MAX_TRANSFER_RECORDS", "-5")]
    [InlineData("DNS_MIRROR_MAX_TRANSFER_BYTES", "1e9")]
    [InlineData("DNS_MIRROR_MAX_TRANSFER_BYTES", "lots")]
    public void Read_TransferLimitNotAWholeNumber_ThrowsNamingTheVariable(string name, string value)
    {
        var error = Assert.Throws<ZoneConfigException>(() => DnsMirrorSettings.Read(n => n == name ? value : null));

        Assert.Equal($"{name}='{value}' is not a whole number above 0.", error.Message);
    }
}

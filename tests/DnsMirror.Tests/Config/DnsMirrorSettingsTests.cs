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

    [Fact]
    public void Read_ChangeBucketUnset_TheAssumedOneFullBatchAtOnceAndHalfOfOneASecond()
    {
        var settings = DnsMirrorSettings.Read(_ => null);

        Assert.Equal((1000, 500.0), (settings.ChangeBurst, settings.ChangesPerSecond));
    }

    [Fact]
    public void Read_ChangeBucketSet_TakesTheAccountsFigures()
    {
        var environment = new Dictionary<string, string> { ["DNS_MIRROR_CHANGE_BURST"] = "3000", ["DNS_MIRROR_CHANGES_PER_SECOND"] = "1500.5" };

        var settings = DnsMirrorSettings.Read(environment.GetValueOrDefault);

        Assert.Equal((3000, 1500.5), (settings.ChangeBurst, settings.ChangesPerSecond));
    }

    [Theory]
    [InlineData("DNS_MIRROR_CHANGE_BURST", "0", "DNS_MIRROR_CHANGE_BURST='0' is not a whole number above 0.")]
    [InlineData("DNS_MIRROR_CHANGE_BURST", "10.5", "DNS_MIRROR_CHANGE_BURST='10.5' is not a whole number above 0.")]
    [InlineData("DNS_MIRROR_CHANGES_PER_SECOND", "0", "DNS_MIRROR_CHANGES_PER_SECOND='0' must be above 0: a bucket that never refills would stop every change.")]
    [InlineData("DNS_MIRROR_CHANGES_PER_SECOND", "fast", "DNS_MIRROR_CHANGES_PER_SECOND='fast' is not a non-negative number.")]
    public void Read_ChangeBucketNotUsable_ThrowsNamingTheVariable(string name, string value, string message)
    {
        var error = Assert.Throws<ZoneConfigException>(() => DnsMirrorSettings.Read(n => n == name ? value : null));

        Assert.Equal(message, error.Message);
    }
}

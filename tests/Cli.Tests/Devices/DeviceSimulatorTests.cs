using System.Text.Json;
using LambdaSuite.Cli.Devices;

namespace Cli.Tests.Devices;

public sealed class DeviceSimulatorTests
{
    [Fact]
    public void Create_Count_MakesDistinctPrefixedDevices()
    {
        var devices = DeviceSimulator.Create(50);

        Assert.Equal(50, devices.Count);
        Assert.All(devices, d =>
        {
            Assert.StartsWith("SN-", d.SerialNumber, StringComparison.Ordinal);
            Assert.StartsWith("ID-", d.ClientId, StringComparison.Ordinal);
            Assert.StartsWith("AC-", d.ActivationCode, StringComparison.Ordinal);
            Assert.Equal(3 + DeviceSimulator.CodeLength, d.ActivationCode.Length);
        });
        Assert.Equal(50, devices.Select(d => d.ActivationCode).Distinct().Count());
        Assert.Equal(50, devices.Select(d => d.SerialNumber + "/" + d.ClientId).Distinct().Count());
    }

    [Fact]
    public void Create_ZeroCount_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceSimulator.Create(0));
    }

    [Fact]
    public void RegistrationMessage_WithMqttClientId_CarriesDeviceFieldsAndRuleField()
    {
        var device = DeviceSimulator.Create(1)[0];

        using var message = JsonDocument.Parse(device.RegistrationMessage("ID-OTHER"));

        var root = message.RootElement;
        Assert.Equal(device.SerialNumber, root.GetProperty("serialNumber").GetString());
        Assert.Equal(device.ClientId, root.GetProperty("clientId").GetString());
        Assert.Equal(device.ActivationCode, root.GetProperty("activationCode").GetString());
        Assert.Equal("ID-OTHER", root.GetProperty("mqttClientId").GetString());
        Assert.False(root.TryGetProperty("operation", out _));
    }

    [Fact]
    public void ActivationMessage_QuotesAndEscapes_StayOneJsonString()
    {
        using var message = JsonDocument.Parse(SimulatedDevice.ActivationMessage("SN-1", "ID-1", "code\"},{\"x", "a@b.example"));

        Assert.Equal("activate", message.RootElement.GetProperty("operation").GetString());
        Assert.Equal("code\"},{\"x", message.RootElement.GetProperty("activationCode").GetString());
        Assert.Equal(5, message.RootElement.EnumerateObject().Count());
    }
}

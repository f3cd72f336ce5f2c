using System.Text;
using System.Text.Json;
using IotRegistry.Iot;
using IotRegistry.Registration;
using IotRegistry.Tests.Support;

namespace IotRegistry.Tests.Registration;

/// <summary>
/// A registration's topic names the sender's serial (the broker's policy lets a certificate publish only there): a
/// payload naming another serial is refused, nothing is written, and the answer goes to the sender's own topic.
/// </summary>
public sealed class TopicSerialCheckTests
{
    private readonly InMemoryDeviceCatalog _catalog = new();
    private readonly IotRegistryHarness _harness;

    public TopicSerialCheckTests() => _harness = new IotRegistryHarness(_catalog);

    [Fact]
    public async Task RegisterAsync_TopicOfAnotherSerial_SerialMismatchAndNothingWritten()
    {
        var registration = IotRegistryHarness.NewRegistration() with { Topic = "devices/SN-SENDER/register" };
        _catalog.ResetCalls();

        var result = await _harness.Registrations.RegisterAsync(registration);

        Assert.Equal(RegistrationOutcome.SerialMismatch, result.Outcome);
        Assert.Empty(_catalog.Calls);
        Assert.Null(await _harness.Catalog.GetAsync(registration.Key));
    }

    [Theory]
    [InlineData("devices/{0}/register")]
    [InlineData("iotbackend/register")]
    public async Task RegisterAsync_OwnTopicOrATopicNamingNoDevice_Registered(string topicFormat)
    {
        var registration = IotRegistryHarness.NewRegistration();
        registration = registration with { Topic = string.Format(System.Globalization.CultureInfo.InvariantCulture, topicFormat, registration.Key.SerialNumber) };

        var result = await _harness.Registrations.RegisterAsync(registration);

        Assert.Equal(RegistrationOutcome.Registered, result.Outcome);
    }

    [Fact]
    public async Task HandleAsync_PayloadSerialOtherThanTopic_RejectedUnderTheSendersSerialOnItsOwnTopic()
    {
        var message = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["serialNumber"] = "SN-VICTIM",
            ["clientId"] = "thing-1",
            ["activationCode"] = "Q7K2-M9XP-4TWZ",
            ["mqttClientId"] = "thing-1",
            ["mqttTopic"] = "devices/SN-SENDER/register",
        }));

        var result = await _harness.IotDoor.HandleAsync(message);

        Assert.Equal(("serial_mismatch", 403, "serial_mismatch", "SN-SENDER"), (result.Outcome, result.Status, result.Error, result.SerialNumber));
        Assert.DoesNotContain("SN-VICTIM", result.ToString(), StringComparison.Ordinal);
        Assert.True(ResponseTopic.TryBuild("devices", result, out var topic));
        Assert.Equal("devices/SN-SENDER/register/rejected", topic);
    }
}

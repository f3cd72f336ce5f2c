using IotRegistry.Registration;
using IotRegistry.Tests.Support;

namespace IotRegistry.Tests.Registration;

/// <summary>The registration service's own rules over the in-memory catalog; what rests on DynamoDB's conditions is in <see cref="RegistrationServiceDynamoDbTests"/>.</summary>
public sealed class RegistrationServiceTests
{
    private readonly InMemoryDeviceCatalog _catalog = new();
    private readonly IotRegistryHarness _harness;

    public RegistrationServiceTests() => _harness = new IotRegistryHarness(_catalog);

    [Fact]
    public async Task RegisterAsync_SameRegistrationAgain_AlreadyRegisteredAndUnchanged()
    {
        var registration = await _harness.RegisterNewAsync();
        var before = await _harness.Catalog.GetAsync(registration.Key);
        _harness.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await _harness.Registrations.RegisterAsync(registration);

        Assert.Equal(RegistrationOutcome.AlreadyRegistered, result.Outcome);
        Assert.Equal(before, await _harness.Catalog.GetAsync(registration.Key));
    }

    [Fact]
    public async Task RegisterAsync_DifferentDetailsForExistingDevice_ConflictAndUnchanged()
    {
        var registration = await _harness.RegisterNewAsync();
        var before = await _harness.Catalog.GetAsync(registration.Key);

        var result = await _harness.Registrations.RegisterAsync(registration with { ActivationCode = "NEW-CODE-999", CertificateId = "def456" });

        Assert.Equal(RegistrationOutcome.Conflict, result.Outcome);
        Assert.Equal(before, await _harness.Catalog.GetAsync(registration.Key));
    }

    [Fact]
    public async Task RegisterAsync_MqttClientIdMatchesPayload_Registered()
    {
        var registration = IotRegistryHarness.NewRegistration() with { MqttClientId = "client-1" };

        var result = await _harness.Registrations.RegisterAsync(registration);

        Assert.Equal(RegistrationOutcome.Registered, result.Outcome);
    }

    [Fact]
    public async Task RegisterAsync_MqttClientIdOfAnotherDevice_RejectedAndNothingWritten()
    {
        var registration = IotRegistryHarness.NewRegistration() with { MqttClientId = "client-2" };
        _catalog.ResetCalls();

        var result = await _harness.Registrations.RegisterAsync(registration);

        Assert.Equal(RegistrationOutcome.ClientIdMismatch, result.Outcome);
        Assert.Empty(_catalog.Calls);
        Assert.Null(await _harness.Catalog.GetAsync(registration.Key));
    }
}

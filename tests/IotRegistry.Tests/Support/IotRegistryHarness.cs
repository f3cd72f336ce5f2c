using System.Text;
using IotRegistry.Activation;
using IotRegistry.Iot;
using IotRegistry.Keys;
using IotRegistry.Registration;
using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;

namespace IotRegistry.Tests.Support;

/// <summary>The services wired as the function wires them, over a test table and a hand-moved clock.</summary>
internal sealed class IotRegistryHarness
{
    public static readonly byte[] Key = Encoding.UTF8.GetBytes("integration-test-key-of-sufficient-length");

    public IotRegistryHarness(IotCatalogTableFixture table, DeviceLockoutPolicy? lockout = null, ActivationKeyRing? keys = null)
    {
        Table = table;
        Catalog = table.Catalog;
        Keys = keys ?? ActivationKeyRing.Fixed(new ActivationKeySet(new ActivationCodeHasher(Key)));
        Hasher = Keys.Keys.Current;
        Lockout = lockout ?? DeviceLockoutPolicy.Default;
        Registrations = new RegistrationService(Catalog, Keys, Clock);
        Activations = new ActivationService(Catalog, Keys, Lockout, Clock);
        IotDoor = new IotMessageHandler(Registrations, Activations);
    }

    public IotCatalogTableFixture Table { get; }
    public ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero));
    public DeviceCatalog Catalog { get; }
    public ActivationKeyRing Keys { get; }

    /// <summary>The current key when the harness was built.</summary>
    public ActivationCodeHasher Hasher { get; }
    public DeviceLockoutPolicy Lockout { get; }
    public RegistrationService Registrations { get; }
    public ActivationService Activations { get; }
    public IotMessageHandler IotDoor { get; }

    /// <summary>A registration for a device no other test uses.</summary>
    public static DeviceRegistration NewRegistration(string code = "Q7K2-M9XP-4TWZ") =>
        new(new DeviceKey("SN-" + Guid.NewGuid().ToString("N")[..12], "client-1"), code, "Thermostat", "MySmartIoTDevice", "example-ats.iot.us-east-1.amazonaws.com", "abc123", null, null, null);

    public async Task<DeviceRegistration> RegisterNewAsync(string code = "Q7K2-M9XP-4TWZ")
    {
        var registration = NewRegistration(code);
        var result = await Registrations.RegisterAsync(registration);
        Assert.Equal(RegistrationOutcome.Registered, result.Outcome);
        return registration;
    }

    public static ActivationRequest Attempt(DeviceRegistration registration, string code, string email = "owner@example.com") =>
        new(registration.Key, code, email);
}

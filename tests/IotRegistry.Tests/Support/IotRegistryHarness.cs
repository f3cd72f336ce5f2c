using System.Text;
using IotRegistry.Activation;
using IotRegistry.Http;
using IotRegistry.Iot;
using IotRegistry.Keys;
using IotRegistry.Lifecycle;
using IotRegistry.Provisioning;
using IotRegistry.Registration;
using LambdaSuite.Data.Devices;
using LambdaSuite.TestKit.Devices;
using Microsoft.Extensions.Time.Testing;

namespace IotRegistry.Tests.Support;

/// <summary>The services wired as the function wires them, over a catalog (in memory or a test table) and a hand-moved clock.</summary>
internal sealed class IotRegistryHarness
{
    public static readonly byte[] Key = Encoding.UTF8.GetBytes("integration-test-key-of-sufficient-length");

    public IotRegistryHarness(IotCatalogTableFixture table, DeviceLockoutPolicy? lockout = null, ActivationKeyRing? keys = null)
        : this(table.Catalog, lockout, keys)
    {
    }

    /// <summary>Over any catalog: <see cref="InMemoryDeviceCatalog"/> for the services' own rules, DynamoDB Local's for the conditions.</summary>
    public IotRegistryHarness(IDeviceCatalog catalog, DeviceLockoutPolicy? lockout = null, ActivationKeyRing? keys = null)
    {
        Catalog = catalog;
        Keys = keys ?? ActivationKeyRing.Fixed(new ActivationKeySet(new ActivationCodeHasher(Key)));
        Hasher = Keys.Keys.Current;
        Lockout = lockout ?? DeviceLockoutPolicy.Default;
        Registrations = new RegistrationService(Catalog, Keys, Clock);
        Activations = new ActivationService(Catalog, Keys, Lockout, Clock);
        IotDoor = new IotMessageHandler(Registrations, Activations);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero));
    public IDeviceCatalog Catalog { get; }
    public ActivationKeyRing Keys { get; }

    /// <summary>The current key when the harness was built.</summary>
    public ActivationCodeHasher Hasher { get; }
    public DeviceLockoutPolicy Lockout { get; }
    public RegistrationService Registrations { get; }
    public ActivationService Activations { get; }
    public IotMessageHandler IotDoor { get; }

    /// <summary>Whether the provisioning hook binds certificates (the PROVISIONING_BIND_CERTIFICATE setting).</summary>
    public bool BindCertificates { get; init; }

    /// <summary>The lifecycle (transfer, unbind, deregister, history) over a DynamoDB catalog; null over the in-memory one.</summary>
    public LifecycleService? Lifecycle => Catalog is IDeviceLifecycleStore store ? new LifecycleService(store, Keys, Lockout, Clock) : null;

    /// <summary>
    /// The handler over these services, every door, as <see cref="IotRegistryFunction.Create(Func{string, string?})"/>
    /// composes it (the lifecycle routes and the provisioning hook only over a DynamoDB catalog).
    /// </summary>
    public IotRegistryFunction Function => new(
        IotDoor,
        new DeviceHttpApi(Catalog, Activations, Lifecycle),
        Keys,
        provisioning: Catalog is IDeviceLifecycleStore store ? new ProvisioningHookHandler(store, BindCertificates, Clock) : null);

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

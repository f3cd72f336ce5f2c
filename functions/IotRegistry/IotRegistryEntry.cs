using IotRegistry.Activation;
using IotRegistry.Iot;
using IotRegistry.Registration;
using LambdaSuite.Aws.Http;
using LambdaSuite.Data.Devices;
using LambdaSuite.Runtime;

namespace IotRegistry;

/// <summary>
/// What IotRegistry lets other projects use (STYLE 16): the handler as <c>Program.cs</c> builds it, and the IoT door
/// over a given catalog, composed exactly as the handler composes it (same settings, same key from the same secret,
/// same lockout), for the CLI's devices commands. Everything else in the function stays internal.
/// </summary>
public static class IotRegistryEntry
{
    /// <summary>The handler <c>Program.cs</c> hands to the runtime host.</summary>
    public static ILambdaFunction Create(Func<string, string?> environment) => IotRegistryFunction.Create(environment);

    /// <summary>
    /// The IoT door (registration and activation messages) over <paramref name="catalog"/>. Waits for the key load:
    /// a CLI process has no synchronization context, so the wait cannot deadlock.
    /// </summary>
    public static IotMessageHandler CreateIotDoor(Func<string, string?> environment, DeviceCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(catalog);
        var settings = IotRegistrySettings.Read(environment);
        var keys = IotRegistryFunction.LoadKeysAsync(settings, AwsClientFactory.FromEnvironment(environment), TimeProvider.System).GetAwaiter().GetResult();
        return new IotMessageHandler(
            new RegistrationService(catalog, keys, TimeProvider.System),
            new ActivationService(catalog, keys, settings.Lockout, TimeProvider.System));
    }
}

using Amazon.DynamoDBv2;
using IotRegistry;
using IotRegistry.Activation;
using IotRegistry.Iot;
using IotRegistry.Registration;
using LambdaSuite.Data;
using LambdaSuite.Data.Devices;

namespace LambdaSuite.Cli.Devices;

/// <summary>
/// IotRegistry's own services, built from the same settings the function reads, so the CLI registers and
/// activates exactly as the function does (same validation, same HMAC key, same lockout policy).
/// </summary>
public sealed class DeviceServices(DeviceCatalog catalog, IotMessageHandler messages)
{
    public DeviceCatalog Catalog { get; } = catalog;

    /// <summary>The IoT door: takes a device's JSON message (registration, or <c>"operation": "activate"</c>).</summary>
    public IotMessageHandler Messages { get; } = messages;

    /// <param name="client">A DynamoDB client to use instead of one from the environment (the bench counts requests on it).</param>
    public static DeviceServices Create(Func<string, string?> environment, IAmazonDynamoDB? client = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = IotRegistrySettings.FromEnvironment(environment);
        var catalog = new DeviceCatalog(client ?? DynamoDbClientFactory.Create(environment), settings.TableName);
        var hasher = new ActivationCodeHasher(settings.ActivationCodeKey);
        var activations = new ActivationService(catalog, hasher, settings.Lockout, TimeProvider.System);
        return new DeviceServices(catalog, new IotMessageHandler(new RegistrationService(catalog, hasher, TimeProvider.System), activations));
    }
}

using Amazon.DynamoDBv2;
using IotRegistry;
using IotRegistry.Iot;
using LambdaSuite.Data;
using LambdaSuite.Data.Devices;
using LambdaSuite.Data.Tables;

namespace LambdaSuite.Cli.Devices;

/// <summary>
/// IotRegistry's own services, built from the same settings the function reads, so the CLI registers and
/// activates exactly as the function does (same validation, same keys from the same secret, same lockout policy).
/// Reading the catalog (<see cref="CreateCatalog"/>) needs no key at all.
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
        // The settings are read first, so a bad ACTIVATION_* variable is reported before any table or key is touched.
        var settings = IotRegistrySettings.Read(environment);
        var catalog = new DeviceCatalog(client ?? DynamoDbClientFactory.Create(environment), settings.TableName);
        return new DeviceServices(catalog, IotRegistryEntry.CreateIotDoor(environment, catalog));
    }

    /// <summary>The catalog alone, for reading and listing: no activation-code key is needed or loaded.</summary>
    public static DeviceCatalog CreateCatalog(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new DeviceCatalog(DynamoDbClientFactory.Create(environment), TableCatalog.IotCatalog.ResolveName(environment));
    }
}

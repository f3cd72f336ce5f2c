using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using IotRegistry.Activation;
using IotRegistry.Iot;
using IotRegistry.Json;
using IotRegistry.Registration;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Data.Devices;
using LambdaSuite.Runtime;

namespace IotRegistry;

/// <summary>
/// The IotRegistry handler: tells the event's shape apart (an HTTP request from ALB or API Gateway, or an IoT rule
/// message) and hands it to the matching door. Nothing from the event is logged but the outcome and the device key.
/// </summary>
public sealed class IotRegistryFunction(IotMessageHandler iotDoor) : ILambdaFunction
{
    /// <summary>Largest event parsed at all; each door applies its own, smaller limit to what it reads.</summary>
    public const int MaxEventBytes = 1024 * 1024;

    public static IotRegistryFunction Create(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = IotRegistrySettings.FromEnvironment(environment);
        var catalog = new DeviceCatalog(CreateDynamoDbClient(environment), settings.TableName);
        var hasher = new ActivationCodeHasher(settings.ActivationCodeKey);
        var time = TimeProvider.System;
        var iotDoor = new IotMessageHandler(
            new RegistrationService(catalog, hasher, time),
            new ActivationService(catalog, hasher, settings.Lockout, time));
        return new IotRegistryFunction(iotDoor);
    }

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await iotDoor.HandleAsync(eventJson, context.CancellationToken).ConfigureAwait(false);
        Log(context.Logger, result);
        return JsonSerializer.SerializeToUtf8Bytes(result, IotRegistryJsonContext.Default.IotResult);
    }

    private static void Log(ILambdaLogger logger, IotResult result) =>
        logger.Log(
            result.Status >= 400 ? LambdaLogLevel.Warning : LambdaLogLevel.Information,
            "iot " + result.Operation,
            [
                new("outcome", result.Outcome),
                new("serialNumber", result.SerialNumber),
                new("clientId", result.ClientId),
                new("error", result.Error),
            ]);

    /// <summary>
    /// A DynamoDB client for the configured endpoint (<c>AWS_ENDPOINT_URL_DYNAMODB</c>) or the region's public one.
    /// Against a local endpoint without credentials in the environment it signs with placeholders, which DynamoDB
    /// Local accepts. To be replaced by the shared client factory once it lands.
    /// </summary>
    private static IAmazonDynamoDB CreateDynamoDbClient(Func<string, string?> environment)
    {
        var resolver = new AwsEndpointResolver(environment);
        var config = new AmazonDynamoDBConfig { AuthenticationRegion = resolver.Region };
        var endpoint = resolver.ConfiguredEndpoint(AwsService.DynamoDb);
        if (endpoint is null)
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(resolver.Region);
            return new AmazonDynamoDBClient(config);
        }

        config.ServiceURL = endpoint.ToString();
        return string.IsNullOrEmpty(environment("AWS_ACCESS_KEY_ID"))
            ? new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config)
            : new AmazonDynamoDBClient(config);
    }
}

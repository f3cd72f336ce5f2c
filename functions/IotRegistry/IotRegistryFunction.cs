using LambdaSuite.Data.Tables;
using System.Text.Json;
using IotRegistry.Activation;
using IotRegistry.Http;
using IotRegistry.Iot;
using IotRegistry.Json;
using IotRegistry.Registration;
using LambdaSuite.Data;
using LambdaSuite.Data.Devices;
using LambdaSuite.Events.Http;
using LambdaSuite.Runtime;

namespace IotRegistry;

/// <summary>
/// The IotRegistry handler: tells the event's shape apart (an HTTP request from ALB or API Gateway, or an IoT rule
/// message) and hands it to the matching door. Nothing from the event is logged but the outcome and the device key.
/// HTTP faults become a 500 with a stable code; IoT faults propagate so Lambda retries and the rule's error action see them.
/// </summary>
public sealed class IotRegistryFunction(IotMessageHandler iotDoor, DeviceHttpApi httpDoor) : ILambdaFunction
{
    /// <summary>Every variable <see cref="Create"/> reads (the template sets exactly these).</summary>
    public static IReadOnlyList<string> EnvironmentVariables { get; } =
        [TableCatalog.IotCatalog.EnvironmentVariable, IotRegistrySettings.ActivationCodeKeyVariable, IotRegistrySettings.MaxFailedAttemptsVariable, IotRegistrySettings.LockoutWindowVariable];

    /// <summary>The tables <see cref="Create"/> composes.</summary>
    public static IReadOnlyList<TableDefinition> Tables { get; } = [TableCatalog.IotCatalog];

    /// <summary>Every IAM action the composed clients can call: the device catalog's, on iotCatalog.</summary>
    public static IReadOnlyList<string> IamActions => DeviceCatalog.IamActions;

    public static IotRegistryFunction Create(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var settings = IotRegistrySettings.FromEnvironment(environment);
        var catalog = new DeviceCatalog(DynamoDbClientFactory.Create(environment), settings.TableName);
        var hasher = new ActivationCodeHasher(settings.ActivationCodeKey);
        var time = TimeProvider.System;
        var activations = new ActivationService(catalog, hasher, settings.Lockout, time);
        return new IotRegistryFunction(
            new IotMessageHandler(new RegistrationService(catalog, hasher, time), activations),
            new DeviceHttpApi(catalog, activations));
    }

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (HttpEventParser.TryDetectKind(eventJson.Span, out var kind))
        {
            return await InvokeHttpAsync(eventJson, kind, context).ConfigureAwait(false);
        }

        var result = await iotDoor.HandleAsync(eventJson, context.CancellationToken).ConfigureAwait(false);
        context.Logger.Log(
            result.Status >= 400 ? LambdaLogLevel.Warning : LambdaLogLevel.Information,
            "iot " + result.Operation,
            [new("outcome", result.Outcome), new("serialNumber", result.SerialNumber), new("clientId", result.ClientId), new("error", result.Error)]);
        return JsonSerializer.SerializeToUtf8Bytes(result, IotRegistryJsonContext.Default.IotResult);
    }

    private async Task<byte[]> InvokeHttpAsync(ReadOnlyMemory<byte> eventJson, HttpEventKind kind, ILambdaContext context)
    {
        if (!HttpEventParser.TryParse(eventJson.Span, out var request))
        {
            context.Logger.Log(LambdaLogLevel.Warning, "http unreadable", [new("kind", kind.ToString())]);
            return HttpResponseWriter.Write(kind, DeviceHttpApi.InvalidRequest());
        }

        HttpResponse response;
        try
        {
            response = await httpDoor.HandleAsync(request, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception fault) when (fault is not OperationCanceledException)
        {
            context.Logger.Log(LambdaLogLevel.Error, "http fault", [new("method", request.Method), new("path", request.Path)], fault);
            response = DeviceHttpApi.InternalError();
        }

        // A load balancer's health checks come every few seconds: logged only at DEBUG, so they do not flood the log.
        var level = response.StatusCode >= 500 ? LambdaLogLevel.Error
            : response.StatusCode >= 400 ? LambdaLogLevel.Warning
            : DeviceHttpApi.IsHealthRoute(request.PathSegments) ? LambdaLogLevel.Debug
            : LambdaLogLevel.Information;
        context.Logger.Log(
            level,
            "http " + request.Method,
            [new("path", request.Path), new("status", response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        return HttpResponseWriter.Write(request, response);
    }
}

using LambdaSuite.Data.Tables;
using System.Text.Json;
using IotRegistry.Activation;
using IotRegistry.Http;
using IotRegistry.Iot;
using IotRegistry.Json;
using IotRegistry.Keys;
using IotRegistry.Lifecycle;
using IotRegistry.Provisioning;
using IotRegistry.Registration;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.IotData;
using LambdaSuite.Aws.SecretsManager;
using LambdaSuite.Data;
using LambdaSuite.Data.Devices;
using LambdaSuite.Events;
using LambdaSuite.Events.Detection;
using LambdaSuite.Events.Iot;
using LambdaSuite.Events.Http;
using LambdaSuite.Runtime;

namespace IotRegistry;

/// <summary>
/// The IotRegistry handler: tells the event's shape apart (an HTTP request from ALB or API Gateway, or an IoT rule
/// message) and hands it to the matching door. Nothing from the event is logged but the outcome and the device key.
/// HTTP faults become a 500 with a stable code; IoT faults propagate so Lambda retries and the rule's error action see them.
/// </summary>
internal sealed class IotRegistryFunction(
    IotMessageHandler iotDoor, DeviceHttpApi httpDoor, ActivationKeyRing keys, IotResponsePublisher? responses = null, ProvisioningHookHandler? provisioning = null) : ILambdaFunction
{
    /// <summary>How long the start waits for the key (both stages fetched at once); Lambda's init phase allows 10 s.</summary>
    public static readonly TimeSpan KeyLoadTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Every variable <see cref="Create"/> reads (the template sets exactly these).</summary>
    public static IReadOnlyList<string> EnvironmentVariables => IotRegistrySettings.Variables.All;

    /// <summary>The tables <see cref="Create"/> composes.</summary>
    public static IReadOnlyList<TableDefinition> Tables { get; } = [TableCatalog.IotCatalog];

    /// <summary>Every IAM action the composed clients can call: the device catalog's on iotCatalog, GetSecretValue on the key's secret, iot:Publish on the response topics.</summary>
    public static IReadOnlyList<string> IamActions { get; } = [.. DeviceCatalog.IamActions, .. SecretsManagerClient.IamActions, .. IotDataClient.IamActions];

    public static IotRegistryFunction Create(Func<string, string?> environment) =>
        Create(environment, AwsClientFactory.FromEnvironment(environment));

    /// <summary>As <see cref="Create(Func{string, string?})"/> with the AWS clients' factory given (tests pass credentials for a local endpoint).</summary>
    public static IotRegistryFunction Create(Func<string, string?> environment, AwsClientFactory aws)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(aws);
        var settings = IotRegistrySettings.Read(environment);
        var time = TimeProvider.System;

        // The key is fetched during init, while the rest is composed: a missing secret or a denied read fails the
        // start (init/error) with one sentence, instead of every later request. The runtime host's factory is
        // synchronous and init has no synchronization context, so waiting here cannot deadlock.
        var keysLoading = LoadKeysAsync(settings, aws, time);
        var catalog = new DeviceCatalog(DynamoDbClientFactory.Create(environment), settings.TableName);
        var keys = keysLoading.GetAwaiter().GetResult();
        var activations = new ActivationService(catalog, keys, settings.Lockout, time);
        return new IotRegistryFunction(
            new IotMessageHandler(new RegistrationService(catalog, keys, time), activations),
            new DeviceHttpApi(catalog, activations, new LifecycleService(catalog, keys, settings.Lockout, time)),
            keys,
            IotResponsePublisher.Create(settings, aws, JsonLambdaLogger.FromEnvironment(environment), time),
            new ProvisioningHookHandler(catalog, settings.BindProvisionedCertificate, time));
    }

    /// <summary>The secret's keys, or the public development key when no secret is named (settings allow that on a local stack only).</summary>
    public static async Task<ActivationKeyRing> LoadKeysAsync(IotRegistrySettings settings, AwsClientFactory aws, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(aws);
        if (settings.ActivationCodeKeySecretArn is not { } arn)
        {
            return ActivationKeyRing.Fixed(new ActivationKeySet(new ActivationCodeHasher(System.Text.Encoding.UTF8.GetBytes(IotRegistrySettings.DevelopmentKey))));
        }

        using var timeout = new CancellationTokenSource(KeyLoadTimeout);
        var source = new SecretsManagerActivationKeySource(aws.CreateSecretsManager(settings.ActivationCodeKeySecretRegion), arn);
        try
        {
            return await ActivationKeyRing.LoadAsync(source, time, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
        {
            throw new ActivationKeyException(
                $"{IotRegistrySettings.Variables.ActivationCodeKeySecretArn} ({arn}): Secrets Manager did not answer within {KeyLoadTimeout.TotalSeconds:0} s; check the function's network path to Secrets Manager (a VPC endpoint or NAT).", e);
        }
    }

    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (keys.TakeRefreshFailure() is { } refreshFailure)
        {
            context.Logger.Log(LambdaLogLevel.Warning, "activation key reload failed; the keys in hand stay in use", [new("error", refreshFailure)]);
        }

        var detected = EventShapeDetector.Read(eventJson.Span);
        if (detected.Shape == EventShape.Http)
        {
            return await InvokeHttpAsync(eventJson, detected.HttpKind, context).ConfigureAwait(false);
        }

        if (detected.Shape == EventShape.IotProvisioningHook && provisioning is not null)
        {
            return await InvokeProvisioningHookAsync(provisioning, eventJson, context).ConfigureAwait(false);
        }

        var result = await iotDoor.HandleAsync(eventJson, context.CancellationToken).ConfigureAwait(false);
        context.Logger.Log(
            result.Status >= 400 ? LambdaLogLevel.Warning : LambdaLogLevel.Information,
            "iot " + result.Operation,
            [new("outcome", result.Outcome), new("serialNumber", result.SerialNumber), new("clientId", result.ClientId), new("error", result.Error)]);
        var answer = JsonSerializer.SerializeToUtf8Bytes(result, IotRegistryJsonContext.Default.IotResult);
        if (responses is not null)
        {
            await responses.PublishAsync(result, answer, context).ConfigureAwait(false);
        }

        return answer;
    }

    /// <summary>
    /// The hook's answer holds only the decision; the log line names the device, the reason and the template, never
    /// the certificate's PEM.
    /// </summary>
    private static async Task<byte[]> InvokeProvisioningHookAsync(ProvisioningHookHandler provisioning, ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        var decision = await provisioning.DecideAsync(eventJson, context.CancellationToken).ConfigureAwait(false);
        context.Logger.Log(
            decision.Allow ? LambdaLogLevel.Information : LambdaLogLevel.Warning,
            "provisioning hook",
            [new("allow", decision.Allow ? "true" : "false"), new("reason", decision.Reason), new("serialNumber", decision.Key?.SerialNumber), new("clientId", decision.Key?.ClientId)]);
        return JsonSerializer.SerializeToUtf8Bytes(
            new IotProvisioningHookResponse { AllowProvisioning = decision.Allow, ParameterOverrides = decision.Allow ? new Dictionary<string, string>() : null },
            EventsJsonContext.Default.IotProvisioningHookResponse);
    }

    private async Task<byte[]> InvokeHttpAsync(ReadOnlyMemory<byte> eventJson, HttpEventKind kind, ILambdaContext context)
    {
        if (!HttpEventParser.TryParse(eventJson.Span, kind, out var request))
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

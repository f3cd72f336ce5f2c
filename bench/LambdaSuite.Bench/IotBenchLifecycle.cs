using System.Text;
using IotRegistry;
using IotRegistry.Activation;
using IotRegistry.Http;
using IotRegistry.Lifecycle;
using IotRegistry.Provisioning;
using LambdaSuite.Aws.Http;
using LambdaSuite.Cli.Devices;
using LambdaSuite.Data.Devices;
using LambdaSuite.Events.Http;

namespace LambdaSuite.Bench;

/// <summary>
/// The DynamoDB requests each lifecycle operation costs (transfer, unbind, deregister, history, the provisioning
/// hook), counted on the client while IotRegistry's HTTP door and hook handle them in process, as the function
/// composes them.
/// </summary>
internal static class IotBenchLifecycle
{
    private const string Administrator = "arn:aws:iam::123456789012:user/bench-admin";

    public static async Task<IReadOnlyList<IotBenchRequestCount>> CountAsync(
        Func<string, string?> environment, DeviceServices services, DynamoDbRequestCounter counter, CancellationToken ct)
    {
        var settings = IotRegistrySettings.Read(environment);
        var keys = await IotRegistryFunction.LoadKeysAsync(settings, AwsClientFactory.FromEnvironment(environment), TimeProvider.System).ConfigureAwait(false);
        var catalog = services.Catalog;
        var lifecycle = new LifecycleService(catalog, keys, settings.Lockout, TimeProvider.System);
        var http = new DeviceHttpApi(catalog, new ActivationService(catalog, keys, settings.Lockout, TimeProvider.System), lifecycle);
        var hook = new ProvisioningHookHandler(catalog, bindCertificate: true, TimeProvider.System);
        var counts = new List<IotBenchRequestCount>();

        async Task Measure(string operation, Func<Task<int>> act, int expectedStatus)
        {
            var before = counter.Snapshot();
            var status = await act().ConfigureAwait(false);
            if (status != expectedStatus)
            {
                throw new InvalidOperationException($"{operation}: expected {expectedStatus}, got {status}.");
            }

            counts.Add(new IotBenchRequestCount(operation, status, counter.Since(before)));
        }

        async Task<int> Http(string method, SimulatedDevice device, string action, string? body = null, bool administrator = false)
        {
            var request = new HttpRequest(administrator ? HttpEventKind.ApiGatewayV2 : HttpEventKind.Alb, method, $"/devices/{device.SerialNumber}/{device.ClientId}/{action}")
            {
                Body = body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body),
                IamCallerArn = administrator ? Administrator : null,
            };
            return (await http.HandleAsync(request, ct).ConfigureAwait(false)).StatusCode;
        }

        var device = DeviceSimulator.Create(1)[0];
        await services.Messages.HandleAsync(device.RegistrationMessage(), ct).ConfigureAwait(false);
        await services.Messages.HandleAsync(SimulatedDevice.ActivationMessage(device.SerialNumber, device.ClientId, device.ActivationCode, "owner@owners.example"), ct).ConfigureAwait(false);

        await Measure("transfer, wrong proof", () => Http("POST", device, "transfer", Body("buyer@owners.example", "owner@owners.example", "AC-WRONG-GUESS")), 403).ConfigureAwait(false);
        await Measure("transfer, owner's proof", () => Http("POST", device, "transfer", Body("buyer@owners.example", "owner@owners.example", device.ActivationCode)), 200).ConfigureAwait(false);
        await Measure("transfer, administrator", () => Http("POST", device, "transfer", Body("third@owners.example"), administrator: true), 200).ConfigureAwait(false);
        await Measure("unbind, administrator", () => Http("POST", device, "unbind", administrator: true), 200).ConfigureAwait(false);
        await Measure("history (one page)", () => Http("GET", device, "history", administrator: true), 200).ConfigureAwait(false);
        await Measure("deregister, administrator", () => Http("POST", device, "deregister", administrator: true), 200).ConfigureAwait(false);

        var bare = new DeviceKey("SN-HOOK-" + Guid.NewGuid().ToString("N")[..10], "client-hook");
        await catalog.CreateIfAbsentAsync(new DeviceRecord(bare, "unused-hmac", DateTimeOffset.UtcNow), ct).ConfigureAwait(false);
        async Task<int> Hook(DeviceKey key, string certificate) =>
            (await hook.DecideAsync(new LambdaSuite.Events.Iot.IotProvisioningHookRequest
            {
                CertificateId = certificate,
                ClientId = key.ClientId,
                TemplateArn = "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/bench",
                Parameters = new() { ["SerialNumber"] = key.SerialNumber },
            }, ct).ConfigureAwait(false)).Allow ? 200 : 403;
        await Measure("provisioning hook, binds the certificate", () => Hook(bare, "cafe01"), 200).ConfigureAwait(false);
        await Measure("provisioning hook, certificate already bound", () => Hook(bare, "cafe01"), 200).ConfigureAwait(false);
        await Measure("provisioning hook, unknown device", () => Hook(bare with { SerialNumber = bare.SerialNumber + "-none" }, "cafe01"), 403).ConfigureAwait(false);
        return counts;
    }

    private static string Body(string newOwner, string? owner = null, string? code = null) =>
        owner is null
            ? $$"""{"newOwnerEmail":"{{newOwner}}"}"""
            : $$"""{"newOwnerEmail":"{{newOwner}}","email":"{{owner}}","activationCode":"{{code}}"}""";
}

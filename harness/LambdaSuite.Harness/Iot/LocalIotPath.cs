using LambdaSuite.Harness.Runtime;

namespace LambdaSuite.Harness.Iot;

/// <summary>
/// The whole device path on this machine, as AWS IoT runs it: devices publish to the stack's mosquitto (mutual TLS,
/// ACL per certificate); <see cref="MqttRuleEngine"/> runs the template's IotRegistry rules and invokes the packaged
/// IotRegistry bootstrap (one warm process under a local Runtime API); the function answers through
/// <see cref="LocalIotDataPlane"/>, which publishes into mosquitto, where the device hears it. Shared by the tests, the
/// CLI's <c>devices simulate</c> and the demo.
/// </summary>
public sealed class LocalIotPath : IAsyncDisposable
{
    public const string FunctionName = "IotRegistry";

    private LocalIotPath(MqttStack stack, DeviceCertificates certificates, LocalIotDataPlane dataPlane, BootstrapSession session)
    {
        Stack = stack;
        Certificates = certificates;
        DataPlane = dataPlane;
        Session = session;
    }

    public MqttStack Stack { get; }

    public DeviceCertificates Certificates { get; }

    public LocalIotDataPlane DataPlane { get; }

    public BootstrapSession Session { get; }

    public MqttRuleEngine Engine { get; private set; } = null!;

    /// <param name="environment">Extra variables for the bootstrap (a table name); the topic prefix and the IoT Data endpoint are set here.</param>
    public static async Task<LocalIotPath> StartAsync(
        RepositoryLayout layout, MqttStack stack, IReadOnlyDictionary<string, string?>? environment, Action<string>? onLogLine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(stack);
        var rules = TemplateTopicRules.Read(
                await File.ReadAllTextAsync(layout.FullPath("serverless.template"), cancellationToken).ConfigureAwait(false),
                new Dictionary<string, string> { ["IotTopicPrefix"] = stack.TopicPrefix })
            .Where(r => r.FunctionLogicalId == FunctionName)
            .ToList();
        var dataPlane = await LocalIotDataPlane.StartAsync(stack, cancellationToken).ConfigureAwait(false);
        BootstrapSession? session = null;
        try
        {
            var variables = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
            {
                ["IOT_TOPIC_PREFIX"] = stack.TopicPrefix,
                ["AWS_ENDPOINT_URL_IOT_DATA_PLANE"] = dataPlane.Endpoint.ToString().TrimEnd('/'),
            };
            session = await BootstrapSession.StartAsync(layout.PackagedBootstrap(FunctionName), FunctionName, onLogLine, cancellationToken, variables).ConfigureAwait(false);
            var path = new LocalIotPath(stack, new DeviceCertificates(stack, layout), dataPlane, session);
            path.Engine = await MqttRuleEngine.StartAsync(
                stack, rules, path.Certificates, (e, ct) => path.Session.InvokeAsync(e, TimeSpan.FromSeconds(30), ct), TimeProvider.System, onLogLine, cancellationToken).ConfigureAwait(false);
            return path;
        }
        catch
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }

            await dataPlane.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Issues a certificate for the device (CN = serial, UID = client id) and connects it with that client id.</summary>
    public async Task<MqttDevice> ConnectDeviceAsync(string serialNumber, string clientId, CancellationToken cancellationToken)
    {
        var certificate = await Certificates.IssueAsync(serialNumber, clientId, cancellationToken).ConfigureAwait(false);
        return await MqttDevice.ConnectAsync(Stack, certificate, clientId, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Engine is not null)
        {
            await Engine.DisposeAsync().ConfigureAwait(false);
        }

        await Session.DisposeAsync().ConfigureAwait(false);
        await DataPlane.DisposeAsync().ConfigureAwait(false);
    }
}

using Testcontainers.LocalStack;

namespace LambdaSuite.TestKit.Emulator;

/// <summary>
/// The one place that decides where AWS is for the moto-backed integration tests: the local stack's moto (the
/// default), or a container that Testcontainers' LocalStack module starts for this test process and stops when the
/// process ends (<see cref="AwsEmulatorSettings"/>). The tests reach it through <see cref="LocalStack.Moto"/>,
/// <c>MotoClientFactory</c> and <c>Boto3</c>, so the same tests run against either without a change.
/// </summary>
public sealed class AwsEmulator : IAsyncDisposable
{
    /// <summary>Covers a LocalStack pull and start on a slow machine; a start that takes longer is a failure, not a hang.</summary>
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(5);

    private static readonly Lazy<AwsEmulator> s_shared = new(StartShared, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The variables the stack exports for the services moto stands in for (scripts/stack/servers/moto.sh).</summary>
    private static readonly string[] s_serviceVariables =
    [
        "AWS_ENDPOINT_URL_SNS", "AWS_ENDPOINT_URL_SQS", "AWS_ENDPOINT_URL_FIREHOSE", "AWS_ENDPOINT_URL_S3",
        "AWS_ENDPOINT_URL_IOT_DATA_PLANE", "AWS_ENDPOINT_URL_ROUTE_53", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_SECRETS_MANAGER",
    ];

    private readonly LocalStackContainer? _container;

    private AwsEmulator(AwsEmulatorSettings settings, Uri endpoint, LocalStackContainer? container)
    {
        Settings = settings;
        Endpoint = endpoint;
        _container = container;
    }

    /// <summary>The emulator of this test process, chosen by its environment and started on first use.</summary>
    public static AwsEmulator Shared => s_shared.Value;

    public AwsEmulatorSettings Settings { get; }

    /// <summary>One endpoint for every AWS service the moto-backed tests use (moto and LocalStack both serve all on one port).</summary>
    public Uri Endpoint { get; }

    /// <summary>The Docker id of the container, or null on the native stack.</summary>
    public string? ContainerId => _container?.Id;

    public static async Task<AwsEmulator> StartAsync(AwsEmulatorSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Kind == AwsEmulatorKind.Native)
        {
            return new AwsEmulator(settings, LocalStack.StackMoto, null);
        }

        var image = settings.Image ?? AwsEmulatorSettings.DefaultLocalStackImage;
        var container = Build(image);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_startTimeout);
        try
        {
            await container.StartAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"The emulator container ({image}) did not start through Testcontainers: {error.Message} Check that a Docker engine answers (scripts/stack/containers/docker-engine.sh start), that the image can be pulled or was built here (scripts/stack/containers/build-moto-image.sh), and the variables `scripts/stack/containers/docker-engine.sh env` prints.",
                error);
        }

        return new AwsEmulator(settings, new Uri(container.GetConnectionString()), container);
    }

    /// <summary>
    /// Points a child process (boto3) at this emulator: on the native stack its inherited endpoint variables already
    /// do; for a container, the variables of the services moto stands in for name the container's one endpoint
    /// (DynamoDB and Kinesis stay on their own local servers), with dummy credentials so nothing real is sent to it.
    /// </summary>
    public void ApplyTo(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (_container is null)
        {
            return;
        }

        foreach (var name in s_serviceVariables)
        {
            environment[name] = Endpoint.ToString();
        }

        environment["AWS_ACCESS_KEY_ID"] = "test";
        environment["AWS_SECRET_ACCESS_KEY"] = "test";
        environment.Remove("AWS_SESSION_TOKEN");
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static LocalStackContainer Build(string image)
    {
        var builder = new LocalStackBuilder(image)
            .WithCreateParameterModifier(parameters =>
            {
                // Published on loopback only, like every server of the local stack, not on all interfaces.
                foreach (var binding in parameters.HostConfig?.PortBindings?.Values.SelectMany(b => b) ?? [])
                {
                    binding.HostIP = "127.0.0.1";
                }
            });
        var token = Environment.GetEnvironmentVariable("LOCALSTACK_AUTH_TOKEN");
        return string.IsNullOrEmpty(token) ? builder.Build() : builder.WithEnvironment("LOCALSTACK_AUTH_TOKEN", token).Build();
    }

    private static AwsEmulator StartShared()
    {
        var settings = AwsEmulatorSettings.FromEnvironment(Environment.GetEnvironmentVariable);
        // Off the test framework's synchronization context: the tests ask for the endpoint in constructors.
        var emulator = Task.Run(() => StartAsync(settings)).GetAwaiter().GetResult();
        if (emulator._container is not null)
        {
            // Testcontainers' reaper (Ryuk) needs an image no registry serves here, so the process stops its own container.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Task.Run(() => emulator.DisposeAsync().AsTask()).Wait(TimeSpan.FromSeconds(30));
        }

        return emulator;
    }
}

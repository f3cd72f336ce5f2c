using LambdaSuite.Harness.Runtime;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit.Runtime;

namespace Shared.Tests.Runtime;

/// <summary>Runs a <see cref="LambdaRuntimeLoop"/> in the background against a <see cref="LocalRuntimeApi"/>, capturing its log lines.</summary>
internal sealed class RuntimeLoopHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly LambdaRuntimeApiClient _client;

    private RuntimeLoopHarness(LocalRuntimeApi stub, Func<ILambdaFunction> factory)
    {
        Stub = stub;
        _client = new LambdaRuntimeApiClient(stub.HostAndPort);
        var logger = new JsonLambdaLogger(Log, LambdaLogLevel.Trace, TimeProvider.System);
        var loop = new LambdaRuntimeLoop(_client, LambdaFunctionSettings.FromEnvironment(_ => null), logger, TimeProvider.System);
        Run = Task.Run(() => loop.RunAsync(factory, _stop.Token));
    }

    public LocalRuntimeApi Stub { get; }

    public Task<int> Run { get; }

    public MemoryStream Log { get; } = new();

    public static async Task<RuntimeLoopHarness> StartAsync(Func<ILambdaFunction> factory) =>
        new(await LocalRuntimeApi.StartRecordingAsync(), factory);

    public static Task<RuntimeLoopHarness> StartAsync(Func<ReadOnlyMemory<byte>, ILambdaContext, Task<byte[]>> handler) =>
        StartAsync(() => new DelegateLambdaFunction(handler));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(10));
        _client.Dispose();
        await Stub.DisposeAsync();
        _stop.Dispose();
    }
}

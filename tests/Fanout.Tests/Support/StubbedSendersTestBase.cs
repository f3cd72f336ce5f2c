using Fanout.Targets;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Retry;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Runtime;
using LambdaSuite.TestKit.Stubs;

namespace Fanout.Tests.Support;

/// <summary>
/// The real senders over the in-house clients, pointed at a fresh loopback stub per test that checks SigV4 and
/// plays whatever the test enqueues; a clock that never really sleeps, and a logger that keeps every line.
/// </summary>
public abstract class StubbedSendersTestBase : IAsyncLifetime
{
    protected SteppingTimeProvider Clock { get; } = new();

    protected RecordingLambdaLogger Logger { get; } = new();

    protected AwsStubServer Stub { get; private set; } = null!;

    protected AwsClientFactory Aws { get; private set; } = null!;

    private protected TargetSenderFactory Senders { get; private set; } = null!;

    /// <summary>Jitter pinned to half the ceiling so sleeps are predictable.</summary>
    protected AwsRetryPolicy Retry => new() { TimeProvider = Clock, Random = () => 0.5, MaxAttempts = 3 };

    public async Task InitializeAsync()
    {
        Stub = await AwsStubServer.StartAsync();
        Aws = StubClientFactory.For(Stub, Retry);
        Senders = new TargetSenderFactory(Aws, Clock);
    }

    public async Task DisposeAsync()
    {
        await Senders.DisposeAsync();
        Aws.Dispose();
        await Stub.DisposeAsync();
    }
}

using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Retry;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws;

/// <summary>A fresh signature-checking stub per test, a factory pointed at it, and a clock that never really sleeps.</summary>
public abstract class StubbedClientTestBase : IAsyncLifetime
{
    protected SteppingTimeProvider Clock { get; } = new();

    protected AwsStubServer Stub { get; private set; } = null!;

    protected AwsClientFactory Factory { get; private set; } = null!;

    /// <summary>Jitter pinned to half the ceiling so sleeps are predictable.</summary>
    protected AwsRetryPolicy RetryPolicy => new() { TimeProvider = Clock, Random = () => 0.5, MaxAttempts = 4 };

    public async Task InitializeAsync()
    {
        Stub = await AwsStubServer.StartAsync();
        Factory = StubClientFactory.For(Stub, RetryPolicy);
    }

    public async Task DisposeAsync()
    {
        Factory.Dispose();
        await Stub.DisposeAsync();
    }

    protected void AssertAllSigned()
    {
        Assert.NotEmpty(Stub.Requests);
        Assert.All(Stub.Requests, request => Assert.True(request.Signature.IsValid, request.Signature.Reason));
    }
}

using LambdaSuite.Runtime;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.TestKit.Runtime;

namespace Shared.Tests.Runtime;

public sealed class LambdaHostTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task RunAsync_NoRuntimeApiVariable_ReturnsWithoutCallingFactory(string? runtimeApi)
    {
        var factoryCalls = 0;

        var exitCode = await LambdaHost.RunAsync(
            () =>
            {
                factoryCalls++;
                return new DelegateLambdaFunction((_, _) => Task.FromResult(Array.Empty<byte>()));
            },
            name => name == RuntimeApiHeaders.RuntimeApiEnvironmentVariable ? runtimeApi : null,
            CancellationToken.None);

        Assert.Equal(LambdaHost.NoRuntimeApiExitCode, exitCode);
        Assert.Equal(0, factoryCalls);
    }

    [Fact]
    public async Task RunAsync_RuntimeApiFromEnvironment_ServesInvocationsUntilCancelled()
    {
        await using var stub = await LocalRuntimeApi.StartRecordingAsync();
        using var stop = new CancellationTokenSource();
        stub.EnqueueExact("{\"v\":1}", LocalRuntimeApi.ExactHeaders("host-1"));

        var run = LambdaHost.RunAsync(
            () => new DelegateLambdaFunction((body, _) => Task.FromResult(body.ToArray())),
            name => name == RuntimeApiHeaders.RuntimeApiEnvironmentVariable ? stub.HostAndPort : null,
            stop.Token);
        var post = await stub.NextPostAsync();
        await stop.CancelAsync();
        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("/invocation/host-1/response", post.Path);
        Assert.Equal("{\"v\":1}", post.BodyText);
        Assert.Equal(0, exitCode);
    }
}

using System.Text.Json;
using LambdaProbe;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.TestKit.Runtime;

namespace Harness.Tests.Runtime;

[Collection(ProbeProcessCollection.Name)]
[Trait("Category", "Process")]
public sealed class ProbeProcessTests(ProbeBootstrapFixture probe)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Bootstrap_EventQueued_PostsResponseEchoingEvent()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        var invocation = api.Enqueue("{\"order\":42,\"items\":[\"a\",\"b\"]}"u8.ToArray());

        await using var process = BootstrapProcess.Start(probe.Bootstrap, api.HostAndPort);
        var outcome = await invocation.Outcome.WaitAsync(s_wait);

        Assert.False(outcome.IsError);
        using var response = JsonDocument.Parse(outcome.Body);
        Assert.Equal("{\"order\":42,\"items\":[\"a\",\"b\"]}", response.RootElement.GetProperty("event").GetRawText());
        Assert.Equal(process.Id, response.RootElement.GetProperty("processId").GetInt32());
    }

    [Fact]
    public async Task Bootstrap_HandlerThrows_PostsErrorAndSameProcessServesNext()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        var failing = api.Enqueue("{\"fail\":true}"u8.ToArray());
        var next = api.Enqueue("{\"after\":\"failure\"}"u8.ToArray());

        await using var process = BootstrapProcess.Start(probe.Bootstrap, api.HostAndPort);
        var error = await failing.Outcome.WaitAsync(s_wait);
        var response = await next.Outcome.WaitAsync(s_wait);

        Assert.True(error.IsError);
        Assert.Equal(nameof(ProbeFailureException), error.ErrorTypeHeader);
        Assert.Equal(nameof(ProbeFailureException), error.Error!.ErrorType);
        Assert.Equal("The event asked the probe to fail.", error.Error.ErrorMessage);
        Assert.False(response.IsError);
        using var body = JsonDocument.Parse(response.Body);
        Assert.Equal(process.Id, body.RootElement.GetProperty("processId").GetInt32());
        Assert.False(process.Exited.IsCompleted);
    }

    [Fact]
    public async Task Bootstrap_InitFails_PostsInitErrorAndExitsNonZero()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        var invocation = api.Enqueue("{}"u8.ToArray());

        await using var process = BootstrapProcess.Start(probe.Bootstrap, api.HostAndPort, new Dictionary<string, string?> { [ProbeFunction.FailInitVariable] = "1" });
        var initError = await api.InitError.WaitAsync(s_wait);
        var exitCode = await process.Exited.WaitAsync(s_wait);

        Assert.Equal("InvalidOperationException", initError.ErrorType);
        Assert.Contains(ProbeFunction.FailInitVariable, initError.ErrorMessage);
        Assert.NotEqual(0, exitCode);
        Assert.False(invocation.Outcome.IsCompleted);
        Assert.Equal(0, api.NextRequests);
    }

    [Fact]
    public async Task Bootstrap_InvocationHeaders_ReachHandlerAndTraceVariable()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        const string Trace = "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1";
        const string Arn = "arn:aws:lambda:eu-west-1:111122223333:function:probe:live";
        var invocation = api.Enqueue("{}"u8.ToArray(), new LocalInvocationOptions(TimeSpan.FromSeconds(42), Trace, Arn));

        await using var process = BootstrapProcess.Start(probe.Bootstrap, api.HostAndPort);
        var outcome = await invocation.Outcome.WaitAsync(s_wait);

        using var body = JsonDocument.Parse(outcome.Body);
        var root = body.RootElement;
        Assert.Equal(invocation.RequestId, root.GetProperty("requestId").GetString());
        Assert.Equal(invocation.DeadlineMs, root.GetProperty("deadlineMs").GetInt64());
        Assert.Equal(Arn, root.GetProperty("invokedFunctionArn").GetString());
        Assert.Equal(Trace, root.GetProperty("traceId").GetString());
        Assert.Equal(Trace, root.GetProperty("traceEnvironment").GetString());
        var remaining = double.Parse(root.GetProperty("remaining").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(remaining, 30_000, 42_000);
    }

    [Fact]
    public async Task Bootstrap_WithoutRuntimeApiVariable_ExitsWithHostCode()
    {
        var startInfo = new System.Diagnostics.ProcessStartInfo(probe.Bootstrap) { RedirectStandardError = true, RedirectStandardOutput = true };
        startInfo.Environment.Remove("AWS_LAMBDA_RUNTIME_API");

        using var process = System.Diagnostics.Process.Start(startInfo)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(s_wait);

        Assert.Equal(LambdaSuite.Runtime.LambdaHost.NoRuntimeApiExitCode, process.ExitCode);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API", stderr);
    }
}

using System.Text;
using LambdaSuite.Runtime;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.TestKit.Runtime;

namespace Shared.Tests.Runtime;

public sealed class LambdaRuntimeLoopTests
{
    [Fact]
    public async Task RunAsync_HandlerReturns_PostsResponseUnderRequestId()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync((body, _) => Task.FromResult(Encoding.UTF8.GetBytes("{\"got\":" + Encoding.UTF8.GetString(body.Span) + "}")));
        harness.Stub.EnqueueExact("{\"n\":1}", LocalRuntimeApi.ExactHeaders("req-1"));

        var post = await harness.Stub.NextPostAsync();

        Assert.Equal("/invocation/req-1/response", post.Path);
        Assert.Equal("{\"got\":{\"n\":1}}", post.BodyText);
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_PostsErrorThenServesNextInvocation()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync((body, _) =>
            body.Span.SequenceEqual("boom"u8) ? throw new InvalidOperationException("handler broke") : Task.FromResult("\"fine\""u8.ToArray()));
        harness.Stub.EnqueueExact("boom", LocalRuntimeApi.ExactHeaders("bad"));
        harness.Stub.EnqueueExact("ok", LocalRuntimeApi.ExactHeaders("good"));

        var error = await harness.Stub.NextPostAsync();
        var response = await harness.Stub.NextPostAsync();

        Assert.Equal("/invocation/bad/error", error.Path);
        Assert.Equal("InvalidOperationException", error.Headers[RuntimeApiHeaders.FunctionErrorType]);
        var parsed = LambdaError.Parse(error.Body);
        Assert.Equal("handler broke", parsed.ErrorMessage);
        Assert.Equal("InvalidOperationException", parsed.ErrorType);
        Assert.NotEmpty(parsed.StackTrace);
        Assert.Equal("/invocation/good/response", response.Path);
        Assert.Equal("\"fine\"", response.BodyText);
        Assert.False(harness.Run.IsCompleted);
    }

    [Fact]
    public async Task RunAsync_FactoryThrows_PostsInitErrorAndReturnsFailure()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(() => throw new InvalidDataException("no config"));

        var post = await harness.Stub.NextPostAsync();
        var exitCode = await harness.Run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("/init/error", post.Path);
        Assert.Equal("InvalidDataException", post.Headers[RuntimeApiHeaders.FunctionErrorType]);
        Assert.Equal("no config", LambdaError.Parse(post.Body).ErrorMessage);
        Assert.Equal(LambdaRuntimeLoop.FailureExitCode, exitCode);
        Assert.Equal(0, harness.Stub.NextRequests);
    }

    [Fact]
    public async Task RunAsync_ResponseRefused_LogsAndKeepsServing()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync((_, _) => Task.FromResult("{}"u8.ToArray()));
        harness.Stub.RefuseWith = 413;
        harness.Stub.EnqueueExact("{}", LocalRuntimeApi.ExactHeaders("first"));
        harness.Stub.EnqueueExact("{}", LocalRuntimeApi.ExactHeaders("second"));

        var first = await harness.Stub.NextPostAsync();
        var second = await harness.Stub.NextPostAsync();

        Assert.Equal("/invocation/first/response", first.Path);
        Assert.Equal("/invocation/second/response", second.Path);
        Assert.Contains("The Runtime API refused the invocation", Encoding.UTF8.GetString(harness.Log.ToArray()));
    }

    [Fact]
    public async Task RunAsync_InvocationHeaders_ReachContextAndTraceVariable()
    {
        string? seen = null;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        await using var harness = await RuntimeLoopHarness.StartAsync((_, context) =>
        {
            seen = string.Join('|', context.AwsRequestId, context.InvokedFunctionArn, context.TraceId,
                Environment.GetEnvironmentVariable(RuntimeApiHeaders.TraceIdEnvironmentVariable), context.Deadline.ToUnixTimeMilliseconds(),
                ((LambdaContext)context).ClientContext);
            return Task.FromResult("{}"u8.ToArray());
        });
        var headers = LocalRuntimeApi.ExactHeaders("req-7", deadline);
        headers[RuntimeApiHeaders.TraceId] = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";
        headers[RuntimeApiHeaders.ClientContext] = "{\"client\":{}}";
        harness.Stub.EnqueueExact("{}", headers);

        await harness.Stub.NextPostAsync();

        Assert.Equal(
            $"req-7|arn:aws:lambda:us-east-1:123456789012:function:stub|Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1|Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1|{deadline.ToUnixTimeMilliseconds()}|{{\"client\":{{}}}}",
            seen);
    }

    [Fact]
    public async Task RunAsync_InvocationWithoutTrace_ClearsPreviousTraceVariable()
    {
        var seen = new List<string?>();
        await using var harness = await RuntimeLoopHarness.StartAsync((_, _) =>
        {
            seen.Add(Environment.GetEnvironmentVariable(RuntimeApiHeaders.TraceIdEnvironmentVariable));
            return Task.FromResult("{}"u8.ToArray());
        });
        var traced = LocalRuntimeApi.ExactHeaders("a");
        traced[RuntimeApiHeaders.TraceId] = "Root=1-a";
        harness.Stub.EnqueueExact("{}", traced);
        harness.Stub.EnqueueExact("{}", LocalRuntimeApi.ExactHeaders("b"));

        await harness.Stub.NextPostAsync();
        await harness.Stub.NextPostAsync();

        Assert.Equal(["Root=1-a", null], seen);
    }

    [Fact]
    public async Task RunAsync_RuntimeApiUnreachable_ReturnsFailure()
    {
        var stub = await LocalRuntimeApi.StartRecordingAsync();
        var address = stub.HostAndPort;
        await stub.DisposeAsync();
        using var client = new LambdaRuntimeApiClient(address);
        var loop = new LambdaRuntimeLoop(client, LambdaFunctionSettings.FromEnvironment(_ => null), new JsonLambdaLogger(new MemoryStream(), LambdaLogLevel.Information, TimeProvider.System), TimeProvider.System);

        var exitCode = await loop.RunAsync(() => new DelegateLambdaFunction((_, _) => Task.FromResult("{}"u8.ToArray())), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(LambdaRuntimeLoop.FailureExitCode, exitCode);
    }

    [Fact]
    public async Task RunAsync_HandlerWaitsPastSafetyMargin_IsCancelledAndErrorPosted()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(async (_, context) =>
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return [];
        });
        harness.Stub.EnqueueExact("{}", LocalRuntimeApi.ExactHeaders("slow", DateTimeOffset.UtcNow.AddMilliseconds(800)));

        var post = await harness.Stub.NextPostAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("/invocation/slow/error", post.Path);
        Assert.Equal("TaskCanceledException", LambdaError.Parse(post.Body).ErrorType);
    }
}

using System.Net;
using System.Text;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.Runtime;

namespace Harness.Tests.Runtime;

public sealed class LocalRuntimeApiTests
{
    [Fact]
    public async Task Next_QueuedEvent_CarriesRequestIdDeadlineAndTraceHeaders()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        using var client = new LambdaRuntimeApiClient(api.HostAndPort);
        var queued = api.Enqueue("{\"x\":1}"u8.ToArray(), new LocalInvocationOptions(TimeSpan.FromSeconds(5), ClientContext: "{\"c\":1}"));
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        var invocation = await client.GetNextInvocationAsync(CancellationToken.None);

        Assert.Equal(queued.RequestId, invocation.RequestId);
        Assert.Equal("{\"x\":1}", Encoding.UTF8.GetString(invocation.EventJson));
        Assert.InRange(invocation.DeadlineMs!.Value, before + 4_000, before + 6_000);
        Assert.Equal(queued.DeadlineMs, invocation.DeadlineMs);
        Assert.StartsWith("Root=1-", invocation.TraceId);
        Assert.Equal(LocalInvocationOptions.DefaultFunctionArn, invocation.InvokedFunctionArn);
        Assert.Equal("{\"c\":1}", invocation.ClientContext);
        Assert.Null(invocation.CognitoIdentity);
    }

    [Fact]
    public async Task Response_ForQueuedInvocation_CompletesOutcome()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        using var client = new LambdaRuntimeApiClient(api.HostAndPort);
        var queued = api.Enqueue("{}"u8.ToArray());
        var invocation = await client.GetNextInvocationAsync(CancellationToken.None);

        await client.PostResponseAsync(invocation.RequestId, "{\"ok\":true}"u8.ToArray(), CancellationToken.None);
        var outcome = await queued.Outcome.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(outcome.IsError);
        Assert.Equal("{\"ok\":true}", Encoding.UTF8.GetString(outcome.Body));
        Assert.Null(outcome.Error);
    }

    [Fact]
    public async Task Error_ForQueuedInvocation_KeepsDocumentAndTypeHeader()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        using var client = new LambdaRuntimeApiClient(api.HostAndPort);
        var queued = api.Enqueue("{}"u8.ToArray());
        await client.GetNextInvocationAsync(CancellationToken.None);

        await client.PostInvocationErrorAsync(queued.RequestId, new LambdaError("nope", "Function.Bad", ["at X"]), CancellationToken.None);
        var outcome = await queued.Outcome.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(outcome.IsError);
        Assert.Equal("Function.Bad", outcome.ErrorTypeHeader);
        Assert.Equal(new LambdaError("nope", "Function.Bad", ["at X"]).ErrorMessage, outcome.Error!.ErrorMessage);
        Assert.Equal(["at X"], outcome.Error.StackTrace);
    }

    [Fact]
    public async Task Response_UnknownRequestId_IsRejectedWith400()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        using var client = new LambdaRuntimeApiClient(api.HostAndPort);

        var ex = await Assert.ThrowsAsync<LambdaRuntimeApiException>(() => client.PostResponseAsync("not-queued", "{}"u8.ToArray(), CancellationToken.None));

        Assert.Equal((int)HttpStatusCode.BadRequest, ex.StatusCode);
    }

    [Fact]
    public async Task Response_SecondResultForSameInvocation_IsRejectedAndFirstKept()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        using var client = new LambdaRuntimeApiClient(api.HostAndPort);
        var queued = api.Enqueue("{}"u8.ToArray());
        await client.GetNextInvocationAsync(CancellationToken.None);
        await client.PostResponseAsync(queued.RequestId, "1"u8.ToArray(), CancellationToken.None);

        var ex = await Assert.ThrowsAsync<LambdaRuntimeApiException>(() => client.PostResponseAsync(queued.RequestId, "2"u8.ToArray(), CancellationToken.None));

        Assert.Equal(400, ex.StatusCode);
        Assert.Equal("1", Encoding.UTF8.GetString((await queued.Outcome).Body));
    }

    [Fact]
    public async Task InitError_Posted_CompletesInitErrorTask()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        using var client = new LambdaRuntimeApiClient(api.HostAndPort);

        await client.PostInitErrorAsync(new LambdaError("cannot start", "Runtime.Init", []), CancellationToken.None);
        var error = await api.InitError.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("cannot start", error.ErrorMessage);
        Assert.Equal("Runtime.Init", error.ErrorType);
    }

    [Fact]
    public void NewTraceId_Format_IsXRayRootWithParent()
    {
        var trace = LocalRuntimeApi.NewTraceId();

        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0$", trace);
    }
}

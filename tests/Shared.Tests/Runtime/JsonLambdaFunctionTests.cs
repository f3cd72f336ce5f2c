using System.Text;
using LambdaSuite.Runtime;
using LambdaSuite.Harness.Runtime;
using LambdaSuite.TestKit.Runtime;

namespace Shared.Tests.Runtime;

public sealed class JsonLambdaFunctionTests
{
    private static readonly ILambdaContext s_context = new LambdaContext(
        new LambdaInvocation("r", []), LambdaFunctionSettings.FromEnvironment(_ => null), new JsonLambdaLogger(Stream.Null, LambdaLogLevel.Information, TimeProvider.System), TimeProvider.System);

    private static readonly JsonLambdaFunction<ProbeEvent, ProbeResponse> s_function = new(
        (e, _) => Task.FromResult(new ProbeResponse($"hello {e.Name} x{e.Count}")),
        RuntimeTestJsonContext.Default.ProbeEvent,
        RuntimeTestJsonContext.Default.ProbeResponse);

    [Fact]
    public async Task InvokeAsync_ValidEvent_SerializesResponse()
    {
        var response = await s_function.InvokeAsync("{\"name\":\"ann\",\"count\":2}"u8.ToArray(), s_context);

        Assert.Equal("{\"greeting\":\"hello ann x2\"}", Encoding.UTF8.GetString(response));
    }

    [Fact]
    public async Task InvokeAsync_WrongTypeInField_ThrowsEventExceptionNamingPath()
    {
        var ex = await Assert.ThrowsAsync<LambdaEventException>(() => s_function.InvokeAsync("{\"name\":\"ann\",\"count\":\"two\"}"u8.ToArray(), s_context));

        Assert.Contains("ProbeEvent", ex.Message);
        Assert.Contains("path $.count", ex.Message);
        Assert.Contains("byte ", ex.Message);
    }

    [Fact]
    public async Task InvokeAsync_TruncatedJson_ThrowsEventExceptionWithPosition()
    {
        var ex = await Assert.ThrowsAsync<LambdaEventException>(() => s_function.InvokeAsync("{\"name\":"u8.ToArray(), s_context));

        Assert.Contains("line 0", ex.Message);
        Assert.IsType<System.Text.Json.JsonException>(ex.InnerException);
    }

    [Fact]
    public async Task InvokeAsync_NullEvent_ThrowsEventException()
    {
        var ex = await Assert.ThrowsAsync<LambdaEventException>(() => s_function.InvokeAsync("null"u8.ToArray(), s_context));

        Assert.Contains("JSON null", ex.Message);
    }

    [Fact]
    public async Task HostLoop_UndeserializableEvent_PostsLambdaEventExceptionError()
    {
        await using var harness = await RuntimeLoopHarness.StartAsync(() => s_function);
        harness.Stub.EnqueueExact("[1,2]", LocalRuntimeApi.ExactHeaders("bad-shape"));

        var post = await harness.Stub.NextPostAsync();

        Assert.Equal("/invocation/bad-shape/error", post.Path);
        var error = LambdaError.Parse(post.Body);
        Assert.Equal("LambdaEventException", error.ErrorType);
        Assert.Contains("ProbeEvent", error.ErrorMessage);
    }
}

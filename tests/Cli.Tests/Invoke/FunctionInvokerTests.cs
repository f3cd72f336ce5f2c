using System.Text;
using System.Text.Json;
using Cli.Tests.Runtime;
using LambdaProbe;
using LambdaSuite.Cli.Invoke;
using LambdaSuite.TestKit.Runtime;

namespace Cli.Tests.Invoke;

[Collection(ProbeProcessCollection.Name)]
[Trait("Category", "Process")]
public sealed class FunctionInvokerTests(ProbeBootstrapFixture probe)
{
    private static readonly FunctionEntry s_probeEntry = new("LambdaProbe", "tests/LambdaProbe", ProbeFunction.Create);

    private readonly List<string> _logs = [];

    [Fact]
    public async Task InvokeProcessAsync_Probe_ReturnsResponse()
    {
        var invoker = new FunctionInvoker(_logs.Add);

        var result = await invoker.InvokeProcessAsync(probe.Bootstrap, "LambdaProbe", "{\"k\":\"v\"}"u8.ToArray(), TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(InvokeStatus.Succeeded, result.Status);
        using var body = JsonDocument.Parse(result.Response!);
        Assert.Equal("v", body.RootElement.GetProperty("event").GetProperty("k").GetString());
        Assert.Equal("LambdaProbe", body.RootElement.GetProperty("function").GetString());
    }

    [Fact]
    public async Task InvokeProcessAsync_HandlerThrows_ReturnsInvocationErrorAndLogsIt()
    {
        var invoker = new FunctionInvoker(line => { lock (_logs) { _logs.Add(line); } });

        var result = await invoker.InvokeProcessAsync(probe.Bootstrap, "LambdaProbe", "{\"fail\":true}"u8.ToArray(), TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(InvokeStatus.InvocationError, result.Status);
        Assert.Equal(nameof(ProbeFailureException), result.Error!.ErrorType);
    }

    [Fact]
    public async Task InvokeProcessAsync_MissingBootstrap_ThrowsNamingPackageCommand()
    {
        var invoker = new FunctionInvoker(_logs.Add);

        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => invoker.InvokeProcessAsync("/nonexistent/bootstrap", "Fanout", "{}"u8.ToArray(), TimeSpan.FromSeconds(1), CancellationToken.None));

        Assert.Contains("./suite package --function Fanout", ex.Message);
    }

    [Fact]
    public async Task InvokeInProcessAsync_Probe_ReturnsResponseWithRequestId()
    {
        var invoker = new FunctionInvoker(_logs.Add);

        var result = await invoker.InvokeInProcessAsync(s_probeEntry, _ => null, "[1,2,3]"u8.ToArray(), TimeSpan.FromSeconds(10), Stream.Null);

        Assert.Equal(InvokeStatus.Succeeded, result.Status);
        using var body = JsonDocument.Parse(result.Response!);
        Assert.Equal("[1,2,3]", body.RootElement.GetProperty("event").GetRawText());
        Assert.Equal(result.RequestId, body.RootElement.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task InvokeInProcessAsync_FactoryThrows_ReturnsInitError()
    {
        var invoker = new FunctionInvoker(_logs.Add);

        var result = await invoker.InvokeInProcessAsync(s_probeEntry, name => name == ProbeFunction.FailInitVariable ? "1" : null, "{}"u8.ToArray(), TimeSpan.FromSeconds(10), Stream.Null);

        Assert.Equal(InvokeStatus.InitError, result.Status);
        Assert.Contains(ProbeFunction.FailInitVariable, result.Error!.ErrorMessage);
    }

    [Fact]
    public async Task InvokeInProcessAsync_InvalidJsonEvent_ReturnsInvocationError()
    {
        var invoker = new FunctionInvoker(_logs.Add);

        var result = await invoker.InvokeInProcessAsync(s_probeEntry, _ => null, Encoding.UTF8.GetBytes("{not json"), TimeSpan.FromSeconds(10), Stream.Null);

        Assert.Equal(InvokeStatus.InvocationError, result.Status);
        Assert.Equal("LambdaEventException", result.Error!.ErrorType);
    }

    [Fact]
    public async Task InvokeInProcessAsync_FunctionWithoutFactory_Throws()
    {
        var invoker = new FunctionInvoker(_logs.Add);

        var withoutFactory = new FunctionEntry("Unwired", "functions/Unwired", CreateInProcess: null);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => invoker.InvokeInProcessAsync(withoutFactory, _ => null, "{}"u8.ToArray(), TimeSpan.FromSeconds(1), Stream.Null));

        Assert.Contains("Unwired", ex.Message);
    }
}

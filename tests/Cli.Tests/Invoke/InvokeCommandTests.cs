using System.CommandLine;
using System.Text.Json;
using Cli.Tests.Runtime;
using LambdaProbe;
using LambdaSuite.Cli.Invoke;
using LambdaSuite.Harness;
using LambdaSuite.TestKit.Runtime;

namespace Cli.Tests.Invoke;

[Collection(ProbeProcessCollection.Name)]
[Trait("Category", "Process")]
public sealed class InvokeCommandTests(ProbeBootstrapFixture probe) : IDisposable
{
    private readonly DirectoryInfo _events = Directory.CreateTempSubdirectory("invoke-events-");
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    [Fact]
    public async Task Invoke_PackagedProbeWithJson_PrintsSucceededDocument()
    {
        var eventFile = Write("ok.json", "{\"a\":[1]}");

        var exitCode = await RunAsync("invoke", "LambdaProbe", "--event", eventFile, "--bootstrap", probe.Bootstrap, "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(_output.ToString());
        Assert.Equal("succeeded", document.RootElement.GetProperty("status").GetString());
        Assert.Equal("process", document.RootElement.GetProperty("mode").GetString());
        Assert.Equal("[1]", document.RootElement.GetProperty("response").GetProperty("event").GetProperty("a").GetRawText());
    }

    [Fact]
    public async Task Invoke_FailingEvent_PrintsErrorDocumentAndExitsOne()
    {
        var eventFile = Write("fail.json", "{\"fail\":true}");

        var exitCode = await RunAsync("invoke", "LambdaProbe", "--event", eventFile, "--bootstrap", probe.Bootstrap);

        Assert.Equal(InvokeCommand.FunctionErrorExitCode, exitCode);
        using var document = JsonDocument.Parse(_output.ToString());
        Assert.Equal(nameof(ProbeFailureException), document.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("InvocationError", _error.ToString());
    }

    [Fact]
    public async Task Invoke_InProcess_PrintsRawResponse()
    {
        var eventFile = Write("in.json", "{\"b\":2}");

        var exitCode = await RunAsync("invoke", "LambdaProbe", "--event", eventFile, "--in-process");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(_output.ToString());
        Assert.Equal(2, document.RootElement.GetProperty("event").GetProperty("b").GetInt32());
    }

    [Fact]
    public async Task Invoke_MissingEventFile_ExitsWithUsageError()
    {
        var exitCode = await RunAsync("invoke", "LambdaProbe", "--event", Path.Combine(_events.FullName, "absent.json"), "--in-process");

        Assert.Equal(InvokeCommand.UsageErrorExitCode, exitCode);
        Assert.Contains("Event file not found", _error.ToString());
    }

    [Fact]
    public async Task Invoke_UnknownFunction_ExitsWithUsageError()
    {
        var eventFile = Write("x.json", "{}");

        var exitCode = await RunAsync("invoke", "Nope", "--event", eventFile);

        Assert.Equal(InvokeCommand.UsageErrorExitCode, exitCode);
        Assert.Contains("Unknown function 'Nope'", _error.ToString());
    }

    public void Dispose() => _events.Delete(recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(_events.FullName, name);
        File.WriteAllText(path, json);
        return path;
    }

    private Task<int> RunAsync(params string[] args)
    {
        var catalog = FunctionCatalog.Default.With(new FunctionEntry("LambdaProbe", "tests/LambdaProbe", ProbeFunction.Create));
        var root = new RootCommand { InvokeCommand.Create(catalog, RepositoryLayout.Discover) };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error });
    }
}

using System.Runtime.Versioning;
using LambdaSuite.Harness.Runtime;

namespace Harness.Tests.Runtime;

// Lambda's custom runtimes are Linux processes; so are these (a shell script stands in for the bootstrap).
[SupportedOSPlatform("linux")]
public sealed class BootstrapProcessTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("bootstrap-process-");
    private readonly string _variable = "SUITE_TEST_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Start_NullValue_RemovesInheritedVariable()
    {
        Environment.SetEnvironmentVariable(_variable, "bundle.pem");
        var script = WriteScript($"[ -z \"${{{_variable}+set}}\" ] && exit 3 || exit 4");

        await using var process = BootstrapProcess.Start(script, "127.0.0.1:9", new Dictionary<string, string?> { [_variable] = null });

        Assert.Equal(3, await process.Exited.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Start_NoOverride_PassesInheritedVariable()
    {
        Environment.SetEnvironmentVariable(_variable, "kept");
        var script = WriteScript($"[ \"${_variable}\" = kept ] && exit 3 || exit 4");

        await using var process = BootstrapProcess.Start(script, "127.0.0.1:9");

        Assert.Equal(3, await process.Exited.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private string WriteScript(string body)
    {
        var path = Path.Combine(_folder.FullName, "bootstrap");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        _folder.Delete(recursive: true);
    }
}

using LambdaSuite.Cli.Bench;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Publishing;

namespace Cli.Tests.Runtime;

/// <summary>
/// Publishes the probe function as a Native AOT <c>bootstrap</c> into a temp folder, once per test run. There
/// is no fallback: if the AOT publish fails, every test using this fixture fails with the publish output.
/// </summary>
public sealed class ProbeBootstrapFixture : IAsyncLifetime
{
    private DirectoryInfo? _folder;

    public string Bootstrap { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var layout = RepositoryLayout.Discover();
        _folder = Directory.CreateTempSubdirectory("lambda-probe-");
        var progress = new StringWriter();
        var publisher = new AotPublisher(layout, new DotnetRunner(progress), progress);
        (_, Bootstrap) = await publisher.PublishAsync(BenchTarget.Probe.ProjectFolder, BenchTarget.Probe.Name, _folder.FullName, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _folder?.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

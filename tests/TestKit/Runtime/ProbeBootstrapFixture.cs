using LambdaSuite.Harness;
using LambdaSuite.Harness.Publishing;
using Xunit;

namespace LambdaSuite.TestKit.Runtime;

/// <summary>
/// Publishes the probe function as a Native AOT <c>bootstrap</c> into a temp folder, once per test run. There
/// is no fallback: if the AOT publish fails, every test using this fixture fails with the publish output.
/// </summary>
public sealed class ProbeBootstrapFixture : IAsyncLifetime
{
    /// <summary>The test-only probe function: its assembly name and project folder.</summary>
    public const string Name = "LambdaProbe";

    public const string ProjectFolder = "tests/LambdaProbe";

    private DirectoryInfo? _folder;

    public string Bootstrap { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var layout = RepositoryLayout.Discover();
        _folder = Directory.CreateTempSubdirectory("lambda-probe-");
        var progress = new StringWriter();
        var publisher = new AotPublisher(layout, new DotnetRunner(progress), progress);
        (_, Bootstrap) = await publisher.PublishAsync(ProjectFolder, Name, _folder.FullName, CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        _folder?.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

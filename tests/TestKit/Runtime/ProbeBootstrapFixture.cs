using LambdaSuite.Harness;
using LambdaSuite.Harness.Publishing;
using Xunit;

namespace LambdaSuite.TestKit.Runtime;

/// <summary>
/// Publishes the probe function as a Native AOT <c>bootstrap</c> into a temp folder, once per test run. There
/// is no fallback: if the AOT publish fails, every test using this fixture fails with the publish output.
/// Several test projects use this fixture and run as parallel processes, while the publish shares one
/// intermediate folder (artifacts/aot/obj/LambdaProbe): one process publishing while another links there leaves
/// a truncated object file, so the publish runs under a lock file that only one process can hold at a time.
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
        await using var publishLock = await AcquirePublishLockAsync(layout);
        (_, Bootstrap) = await publisher.PublishAsync(ProjectFolder, Name, _folder.FullName, CancellationToken.None);
    }

    // FileShare.None is an exclusive lock between .NET processes on Linux too (the runtime takes flock on it).
    private static async Task<FileStream> AcquirePublishLockAsync(RepositoryLayout layout)
    {
        Directory.CreateDirectory(layout.AotArtifacts);
        var path = Path.Combine(layout.AotArtifacts, Name + ".publish.lock");
        var giveUp = DateTime.UtcNow + TimeSpan.FromMinutes(15);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < giveUp)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    public Task DisposeAsync()
    {
        _folder?.Delete(recursive: true);
        return Task.CompletedTask;
    }
}

using LambdaSuite.Harness.Publishing;

namespace LambdaSuite.Harness;

/// <summary>Where things live in a checkout: found by walking up to <c>LambdaSuite.slnx</c>, so commands run from any folder.</summary>
public sealed class RepositoryLayout
{
    public const string SolutionFileName = "LambdaSuite.slnx";

    public RepositoryLayout(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>Intermediate and bin folders of AOT publishes, apart from the everyday net10.0 build.</summary>
    public string AotArtifacts => Path.Combine(Artifacts, "aot");

    /// <summary>One folder per architecture (<c>artifacts/package/arm64</c>, <c>.../x86_64</c>): both can be packaged side by side.</summary>
    public string PackageRoot(LambdaArchitecture architecture) => Path.Combine(Artifacts, "package", architecture.Name);

    /// <summary>The function's publish output for this machine's architecture, the one tests and benchmarks run.</summary>
    public string PackageFolder(string function) => PackageFolder(function, LambdaArchitecture.Host);

    public string PackageFolder(string function, LambdaArchitecture architecture) => Path.Combine(PackageRoot(architecture), function);

    public string PackageZip(string function, LambdaArchitecture architecture) => Path.Combine(PackageRoot(architecture), function + ".zip");

    /// <summary>The packaged bootstrap for this machine's architecture, the one tests and benchmarks run.</summary>
    public string PackagedBootstrap(string function) => PackagedBootstrap(function, LambdaArchitecture.Host);

    public string PackagedBootstrap(string function, LambdaArchitecture architecture) => Path.Combine(PackageFolder(function, architecture), "bootstrap");

    public string JitFolder(string function) => Path.Combine(Artifacts, "jit", function);

    /// <summary>The framework-dependent apphost of a JIT publish, named after the assembly.</summary>
    public string JitExecutable(string function) => Path.Combine(JitFolder(function), function);

    public string FullPath(string relative) => Path.GetFullPath(Path.Combine(Root, relative));

    public static RepositoryLayout Discover() =>
        TryFind(Environment.CurrentDirectory) ?? TryFind(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {SolutionFileName} above {Environment.CurrentDirectory}: run the CLI inside a LambdaSuite checkout.");

    private static RepositoryLayout? TryFind(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return new RepositoryLayout(folder.FullName);
            }
        }

        return null;
    }
}

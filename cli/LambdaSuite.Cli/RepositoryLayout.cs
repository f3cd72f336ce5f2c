namespace LambdaSuite.Cli;

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

    public string PackageFolder(string function) => Path.Combine(Artifacts, "package", function);

    public string PackageZip(string function) => Path.Combine(Artifacts, "package", function + ".zip");

    public string PackagedBootstrap(string function) => Path.Combine(PackageFolder(function), "bootstrap");

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

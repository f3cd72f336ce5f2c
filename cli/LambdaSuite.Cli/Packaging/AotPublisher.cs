namespace LambdaSuite.Cli.Packaging;

/// <summary>
/// Publishes a project as a Native AOT linux-x64 executable through the framework named by
/// <c>SuiteAotFramework</c> (Directory.Build.props), the one switch between net9.0 here and net10.0 on a full registry.
/// </summary>
public sealed class AotPublisher(RepositoryLayout layout, DotnetRunner dotnet, TextWriter progress)
{
    public const string RuntimeIdentifier = "linux-x64";

    private string? _framework;

    /// <summary>The evaluated <c>SuiteAotFramework</c> (MSBuild evaluation, so an override by environment variable is honoured).</summary>
    public async Task<string> AotFrameworkAsync(string projectFolder, CancellationToken cancellationToken)
    {
        if (_framework is not null)
        {
            return _framework;
        }

        var result = await dotnet.RunAsync(["msbuild", layout.FullPath(projectFolder), "-getProperty:SuiteAotFramework", "-nologo"], layout.Root, "reading SuiteAotFramework", cancellationToken).ConfigureAwait(false);
        var value = result.Output.Select(l => l.Trim()).LastOrDefault(l => l.Length > 0);
        if (result.ExitCode != 0 || string.IsNullOrEmpty(value) || !value.StartsWith("net", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Could not read SuiteAotFramework from {projectFolder}:{Environment.NewLine}{result.Tail(20)}");
        }

        _framework = value;
        return value;
    }

    /// <summary>Publishes <paramref name="projectFolder"/> into <paramref name="outputFolder"/> and copies its executable to <c>bootstrap</c> there.</summary>
    /// <returns>The publish run and the path of <c>bootstrap</c>.</returns>
    public async Task<(DotnetRunResult Run, string Bootstrap)> PublishAsync(string projectFolder, string assemblyName, string outputFolder, CancellationToken cancellationToken)
    {
        var framework = await AotFrameworkAsync(projectFolder, cancellationToken).ConfigureAwait(false);
        await progress.WriteLineAsync($"{assemblyName}: Native AOT publish ({framework}, {RuntimeIdentifier}) ...").ConfigureAwait(false);
        string[] arguments =
        [
            "publish", layout.FullPath(projectFolder),
            "-c", "Release",
            "-r", RuntimeIdentifier,
            "-p:PublishAot=true",
            $"-p:SuiteTargetFramework={framework}",
            $"-p:ArtifactsPath={layout.AotArtifacts}",
            "-o", outputFolder,
            "-nologo",
        ];
        var run = await dotnet.RunAsync(arguments, layout.Root, $"{assemblyName} AOT publish", cancellationToken).ConfigureAwait(false);
        var executable = Path.Combine(outputFolder, assemblyName);
        if (run.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"AOT publish of {projectFolder} failed (exit {run.ExitCode}):{Environment.NewLine}{run.Tail(30)}");
        }

        var bootstrap = Path.Combine(outputFolder, "bootstrap");
        File.Copy(executable, bootstrap, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bootstrap, LambdaZipWriter.ExecutableMode);
        }
        await progress.WriteLineAsync($"{assemblyName}: published in {run.Elapsed.TotalSeconds:0.0} s, {run.Warnings.Count} warning(s)").ConfigureAwait(false);
        return (run, bootstrap);
    }

    /// <summary>A framework-dependent (JIT) publish on the product framework, run through its apphost.</summary>
    public async Task<(DotnetRunResult Run, string Executable)> PublishJitAsync(string projectFolder, string assemblyName, string outputFolder, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync($"{assemblyName}: JIT publish (framework-dependent) ...").ConfigureAwait(false);
        var run = await dotnet.RunAsync(["publish", layout.FullPath(projectFolder), "-c", "Release", "-o", outputFolder, "-nologo"], layout.Root, $"{assemblyName} JIT publish", cancellationToken).ConfigureAwait(false);
        var executable = Path.Combine(outputFolder, assemblyName);
        if (run.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"JIT publish of {projectFolder} failed (exit {run.ExitCode}):{Environment.NewLine}{run.Tail(30)}");
        }

        return (run, executable);
    }
}

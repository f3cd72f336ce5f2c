namespace LambdaSuite.Harness.Publishing;

/// <summary>
/// Publishes a project as a Native AOT executable for one Lambda architecture (net10.0, the one framework of the
/// tree) and checks the result's ELF machine, so a cross publish that built for the wrong machine fails here.
/// </summary>
public sealed class AotPublisher(RepositoryLayout layout, DotnetRunner dotnet, TextWriter progress)
{
    /// <summary>Publishes for this machine's architecture (the probe and benchmarks run what they publish).</summary>
    public Task<(DotnetRunResult Run, string Bootstrap)> PublishAsync(string projectFolder, string assemblyName, string outputFolder, CancellationToken cancellationToken) =>
        PublishAsync(projectFolder, assemblyName, outputFolder, LambdaArchitecture.Host, cancellationToken);

    /// <summary>Publishes <paramref name="projectFolder"/> into <paramref name="outputFolder"/> and copies its executable to <c>bootstrap</c> there.</summary>
    /// <returns>The publish run and the path of <c>bootstrap</c>.</returns>
    public async Task<(DotnetRunResult Run, string Bootstrap)> PublishAsync(string projectFolder, string assemblyName, string outputFolder, LambdaArchitecture architecture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        await progress.WriteLineAsync($"{assemblyName}: Native AOT publish ({architecture.RuntimeIdentifier}) ...").ConfigureAwait(false);
        string[] arguments =
        [
            "publish", layout.FullPath(projectFolder),
            "-c", "Release",
            "-r", architecture.RuntimeIdentifier,
            "-p:PublishAot=true",
            $"-p:ArtifactsPath={layout.AotArtifacts}",
            "-o", outputFolder,
            "-nologo",
        ];
        var run = await dotnet.RunAsync(arguments, layout.Root, $"{assemblyName} AOT publish ({architecture})", cancellationToken).ConfigureAwait(false);
        var executable = Path.Combine(outputFolder, assemblyName);
        if (run.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"AOT publish of {projectFolder} for {architecture} failed (exit {run.ExitCode}):{Environment.NewLine}{run.Tail(30)}");
        }

        var built = ElfHeader.ReadArchitecture(executable);
        if (!ReferenceEquals(built, architecture))
        {
            throw new InvalidOperationException($"AOT publish of {projectFolder} asked for {architecture} but produced a {built} executable; delete artifacts/aot and publish again.");
        }

        var bootstrap = Path.Combine(outputFolder, "bootstrap");
        File.Copy(executable, bootstrap, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(bootstrap, LambdaZipWriter.ExecutableMode);
        }
        await progress.WriteLineAsync($"{assemblyName}: published for {architecture} in {run.Elapsed.TotalSeconds:0.0} s, {run.Warnings.Count} warning(s)").ConfigureAwait(false);
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

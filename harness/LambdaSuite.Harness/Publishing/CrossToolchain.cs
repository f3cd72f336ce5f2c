using System.Diagnostics;

namespace LambdaSuite.Harness.Publishing;

/// <summary>
/// Makes sure this machine can publish for another architecture than its own: runs scripts/suite/cross-toolchain.sh,
/// which installs clang, lld, the cross binutils and C library, and qemu only when one of them is missing.
/// </summary>
public sealed class CrossToolchain(RepositoryLayout layout, TextWriter progress)
{
    public const string ScriptPath = "scripts/suite/cross-toolchain.sh";

    public async Task EnsureAsync(LambdaArchitecture architecture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        if (architecture.IsHost)
        {
            return;
        }

        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = layout.Root };
        start.ArgumentList.Add(layout.FullPath(ScriptPath));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"bash did not start for {ScriptPath}.");

        // The script prints one line before apt-get runs and the log's tail if it fails; pass both on.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var text = (await output.ConfigureAwait(false) + await error.ConfigureAwait(false)).Trim();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Publishing for {architecture} on this {LambdaArchitecture.Host} machine needs the cross toolchain, and installing it failed (exit {process.ExitCode}):{Environment.NewLine}{text}");
        }

        if (text.Length > 0)
        {
            await progress.WriteLineAsync(text).ConfigureAwait(false);
        }
    }
}

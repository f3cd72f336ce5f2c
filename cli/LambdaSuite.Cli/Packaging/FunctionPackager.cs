using System.Diagnostics;
using LambdaSuite.Cli.Invoke;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Publishing;

namespace LambdaSuite.Cli.Packaging;

/// <summary>
/// AOT-publishes a function for one architecture, keeps its executable as
/// <c>artifacts/package/&lt;arch&gt;/&lt;Name&gt;/bootstrap</c> and zips it for Lambda as <c>artifacts/package/&lt;arch&gt;/&lt;Name&gt;.zip</c>.
/// A publish with any warning fails: a trim or AOT warning is a place where the bootstrap may break at run time.
/// </summary>
public sealed class FunctionPackager(RepositoryLayout layout, AotPublisher publisher)
{
    public async Task<PackageResult> PackageAsync(FunctionEntry function, LambdaArchitecture architecture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(architecture);
        var stopwatch = Stopwatch.StartNew();
        var (run, bootstrap) = await publisher.PublishAsync(function.ProjectFolder, function.Name, layout.PackageFolder(function.Name, architecture), architecture, cancellationToken).ConfigureAwait(false);
        if (run.Warnings.Count > 0)
        {
            throw new InvalidOperationException($"The {architecture} publish of {function.Name} gave {run.Warnings.Count} warning(s); the suite ships none:{Environment.NewLine}{string.Join(Environment.NewLine, run.Warnings)}");
        }

        var zip = layout.PackageZip(function.Name, architecture);
        LambdaZipWriter.Write(bootstrap, zip);
        return new PackageResult(function.Name, architecture, bootstrap, new FileInfo(bootstrap).Length, zip, new FileInfo(zip).Length, run.Warnings, stopwatch.Elapsed);
    }
}

using System.Diagnostics;
using LambdaSuite.Cli.Invoke;

namespace LambdaSuite.Cli.Packaging;

/// <summary>AOT-publishes a function, keeps its executable as <c>artifacts/package/&lt;Name&gt;/bootstrap</c> and zips it for Lambda.</summary>
public sealed class FunctionPackager(RepositoryLayout layout, AotPublisher publisher)
{
    public async Task<PackageResult> PackageAsync(FunctionEntry function, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        var stopwatch = Stopwatch.StartNew();
        var framework = await publisher.AotFrameworkAsync(function.ProjectFolder, cancellationToken).ConfigureAwait(false);
        var (run, bootstrap) = await publisher.PublishAsync(function.ProjectFolder, function.Name, layout.PackageFolder(function.Name), cancellationToken).ConfigureAwait(false);
        var zip = layout.PackageZip(function.Name);
        LambdaZipWriter.Write(bootstrap, zip);
        return new PackageResult(function.Name, framework, bootstrap, new FileInfo(bootstrap).Length, zip, new FileInfo(zip).Length, run.Warnings, stopwatch.Elapsed);
    }
}

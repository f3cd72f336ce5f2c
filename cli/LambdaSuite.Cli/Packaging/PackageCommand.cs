using System.CommandLine;
using System.Globalization;
using LambdaSuite.Cli.Invoke;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Publishing;

namespace LambdaSuite.Cli.Packaging;

/// <summary>
/// <c>./suite package [--arch arm64|x86_64|host] [--function NAME] [--json]</c>: Native AOT bootstrap and Lambda zip
/// for each function. The default architecture is the template's (arm64); publishing for the other architecture than
/// this machine's installs the cross toolchain first when it is missing.
/// </summary>
public static class PackageCommand
{
    public static Command Create() => Create(FunctionCatalog.Default, RepositoryLayout.Discover);

    public static Command Create(FunctionCatalog catalog, Func<RepositoryLayout> layout)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(layout);
        var function = new Option<string?>("--function", "-f") { Description = "Package only this function" };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON (progress goes to stderr)" };
        var arch = new Option<string>("--arch", "-a")
        {
            Description = $"Lambda architecture to build for: arm64, x86_64, or {LambdaArchitecture.HostName} (this machine's); the template's Architecture parameter must match",
            DefaultValueFactory = _ => LambdaArchitecture.Default.Name,
        };
        var command = new Command("package", "AOT-publish each function as bootstrap and zip it for the provided.al2023 runtime") { function, arch, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var asJson = parse.GetValue(json);
            var progress = asJson ? error : output;
            IReadOnlyList<FunctionEntry> functions;
            LambdaArchitecture architecture;
            try
            {
                architecture = LambdaArchitecture.Parse(parse.GetValue(arch));
                functions = parse.GetValue(function) is { } name ? [catalog.Find(name)] : catalog.Functions;
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return InvokeCommand.UsageErrorExitCode;
            }

            var repository = layout();
            var packager = new FunctionPackager(repository, new AotPublisher(repository, new DotnetRunner(progress), progress));
            try
            {
                await new CrossToolchain(repository, progress).EnsureAsync(architecture, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 1;
            }

            var results = new List<PackageResult>();
            for (var i = 0; i < functions.Count; i++)
            {
                await progress.WriteLineAsync($"[{i + 1}/{functions.Count}] {functions[i].Name} ({architecture})").ConfigureAwait(false);
                try
                {
                    results.Add(await packager.PackageAsync(functions[i], architecture, cancellationToken).ConfigureAwait(false));
                }
                catch (InvalidOperationException ex)
                {
                    await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                    return 1;
                }
            }

            await output.WriteLineAsync(asJson ? ToJson(results) : ToTable(results)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static string ToTable(IReadOnlyList<PackageResult> results)
    {
        var lines = new List<string> { $"{"function",-14} {"arch",-7} {"bootstrap",12} {"zip",12} {"warnings",8} {"seconds",8}" };
        lines.AddRange(results.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.Function,-14} {r.Architecture.Name,-7} {Size(r.BootstrapBytes),12} {Size(r.ZipBytes),12} {r.Warnings.Count,8} {r.Elapsed.TotalSeconds,8:0.0}")));
        return string.Join(Environment.NewLine, lines);
    }

    private static string ToJson(IReadOnlyList<PackageResult> results) => CliJson.Write(writer =>
    {
        writer.WriteStartArray();
        foreach (var r in results)
        {
            writer.WriteStartObject();
            writer.WriteString("function", r.Function);
            writer.WriteString("architecture", r.Architecture.Name);
            writer.WriteString("runtimeIdentifier", r.Architecture.RuntimeIdentifier);
            writer.WriteString("bootstrap", r.BootstrapPath);
            writer.WriteNumber("bootstrapBytes", r.BootstrapBytes);
            writer.WriteString("zip", r.ZipPath);
            writer.WriteNumber("zipBytes", r.ZipBytes);
            writer.WriteStartArray("warnings");
            foreach (var warning in r.Warnings)
            {
                writer.WriteStringValue(warning);
            }

            writer.WriteEndArray();
            writer.WriteNumber("seconds", Math.Round(r.Elapsed.TotalSeconds, 1));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static string Size(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0.00} MiB");
}

using System.CommandLine;
using System.Globalization;
using LambdaSuite.Cli;
using LambdaSuite.Cli.Invoke;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Publishing;

namespace LambdaSuite.Bench;

/// <summary>
/// <c>./suite bench cold-start [--runs 20] [--arch host|arm64|x86_64] [--json]</c>: process start → ready for the first
/// event (init) and → first response (init plus a first invocation that does real work, <see cref="ColdStartEvents"/>),
/// AOT bootstrap vs JIT apphost, for every function plus the probe (the host alone). Missing builds are made first.
/// The functions' first events need the local stack (the suite passes its endpoints on). An architecture other than
/// this machine's measures the packaged AOT bootstraps under qemu: emulated figures, labelled so, no JIT row.
/// </summary>
public static class ColdStartCommand
{
    /// <summary>
    /// The figure the suite aims for: an AOT function is ready for its first event (init done) within 30 ms of process
    /// start. The first response adds the first invocation's own work and round trips, so it is printed, not judged.
    /// </summary>
    public const double AotTargetMedianMs = 30;

    public static Command Create() => Create([.. FunctionCatalog.Default.Functions.Select(f => new BenchTarget(f.Name, f.ProjectFolder)), BenchTarget.Probe], RepositoryLayout.Discover);

    public static Command Create(IReadOnlyList<BenchTarget> targets, Func<RepositoryLayout> layout)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(layout);
        var runs = new Option<int>("--runs", "-n") { Description = "Measured starts per target and mode (one warm-up start is added)", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON (progress goes to stderr)" };
        var only = new Option<string?>("--target", "-t") { Description = "Measure one target only: " + string.Join(", ", targets.Select(t => t.Name)) };
        var rebuild = new Option<bool>("--rebuild") { Description = "Publish the AOT and JIT builds again even when present" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each start to answer", DefaultValueFactory = _ => 10 };
        var arch = new Option<string>("--arch", "-a")
        {
            Description = $"Bootstraps of this architecture (arm64, x86_64, {LambdaArchitecture.HostName}); another than this machine's runs under qemu, AOT only",
            DefaultValueFactory = _ => LambdaArchitecture.HostName,
        };
        var command = new Command("cold-start", "Process start to first response, Native AOT bootstrap vs JIT") { runs, json, only, rebuild, timeout, arch };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var asJson = parse.GetValue(json);
            var progress = asJson ? error : output;
            var runCount = parse.GetValue(runs);
            if (runCount < 1)
            {
                await error.WriteLineAsync("--runs must be at least 1.").ConfigureAwait(false);
                return InvokeCommand.UsageErrorExitCode;
            }

            LambdaArchitecture architecture;
            try
            {
                architecture = LambdaArchitecture.Parse(parse.GetValue(arch));
            }
            catch (ArgumentException ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return InvokeCommand.UsageErrorExitCode;
            }

            var name = parse.GetValue(only);
            var selected = name is null
                ? [.. targets]
                : targets.Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (selected.Count == 0)
            {
                await error.WriteLineAsync($"Unknown target '{name}'.").ConfigureAwait(false);
                return InvokeCommand.UsageErrorExitCode;
            }

            var repository = layout();
            var publisher = new AotPublisher(repository, new DotnetRunner(progress), progress);
            try
            {
                await new CrossToolchain(repository, progress).EnsureAsync(architecture, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidOperationException ex)
            {
                await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                return 1;
            }

            var bench = new ColdStartBench();
            var perRun = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout)));
            var summaries = new List<ColdStartSummary>();
            foreach (var target in selected)
            {
                foreach (var (mode, build) in Builds(repository, publisher, target, architecture, parse.GetValue(rebuild)))
                {
                    string executable;
                    try
                    {
                        executable = await build(cancellationToken).ConfigureAwait(false);
                    }
                    catch (InvalidOperationException ex)
                    {
                        await error.WriteLineAsync(ex.Message).ConfigureAwait(false);
                        summaries.Add(ColdStartSummary.NotRun(target.Name, mode, "build failed"));
                        continue;
                    }

                    await progress.WriteLineAsync($"{target.Name} {mode}: {runCount} starts ...").ConfigureAwait(false);
                    var summary = await bench.MeasureAsync(target, mode, executable, runCount, perRun, cancellationToken, architecture).ConfigureAwait(false);
                    summaries.Add(architecture.IsHost ? summary : summary with { Note = Emulated(architecture, summary.Note) });
                }
            }

            await output.WriteLineAsync(asJson ? ToJson(summaries) : ToTable(summaries)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static string Emulated(LambdaArchitecture architecture, string? note)
    {
        var label = $"emulated ({architecture.LaunchCommand("bootstrap").FileName}), not a Lambda figure";
        return note is null ? label : $"{label}; {note}";
    }

    private static IEnumerable<(string Mode, Func<CancellationToken, Task<string>> Build)> Builds(RepositoryLayout layout, AotPublisher publisher, BenchTarget target, LambdaArchitecture architecture, bool rebuild)
    {
        yield return ("AOT", async cancellationToken =>
        {
            var bootstrap = layout.PackagedBootstrap(target.Name, architecture);
            return !rebuild && File.Exists(bootstrap)
                ? bootstrap
                : (await publisher.PublishAsync(target.ProjectFolder, target.Name, layout.PackageFolder(target.Name, architecture), architecture, cancellationToken).ConfigureAwait(false)).Bootstrap;
        });

        // A JIT apphost under emulation would measure qemu's translation of the JIT, which no Lambda ever runs.
        if (!architecture.IsHost)
        {
            yield break;
        }

        yield return ("JIT", async cancellationToken =>
        {
            var apphost = layout.JitExecutable(target.Name);
            return !rebuild && File.Exists(apphost)
                ? apphost
                : (await publisher.PublishJitAsync(target.ProjectFolder, target.Name, layout.JitFolder(target.Name), cancellationToken).ConfigureAwait(false)).Executable;
        });
    }

    private static string ToTable(IReadOnlyList<ColdStartSummary> summaries)
    {
        var lines = new List<string>
        {
            $"{"target",-12} {"mode",-4} {"answered",9} {"init ms",8} {"first ms",9} {"min ms",8} {"max ms",8} {"RSS MiB",8}  note",
        };
        foreach (var s in summaries)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{s.Target,-12} {s.Mode,-4} {$"{s.Answered}/{s.Runs}",9} {Format(s.MedianInitMs),8} {Format(s.MedianMs),9} {Format(s.MinMs),8} {Format(s.MaxMs),8} {Format(s.MedianPeakRssMib),8}  {s.Note}"));
        }

        lines.Add("init = process start to the first /next (Lambda's Init Duration); first = to the first response; min/max of first; medians");
        foreach (var aot in summaries.Where(s => s.Mode == "AOT" && s.MedianInitMs is not null))
        {
            var verdict = aot.MedianInitMs <= AotTargetMedianMs ? "meets" : "misses";
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{aot.Target}: AOT median init {aot.MedianInitMs:0.0} ms {verdict} the {AotTargetMedianMs:0} ms target; first response {aot.MedianMs:0.0} ms"));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string ToJson(IReadOnlyList<ColdStartSummary> summaries) => CliJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("aotTargetMedianMs", AotTargetMedianMs);
        writer.WriteStartArray("results");
        foreach (var s in summaries)
        {
            writer.WriteStartObject();
            writer.WriteString("target", s.Target);
            writer.WriteString("mode", s.Mode);
            writer.WriteNumber("runs", s.Runs);
            writer.WriteNumber("answered", s.Answered);
            WriteNumber(writer, "medianInitMs", s.MedianInitMs);
            WriteNumber(writer, "medianMs", s.MedianMs);
            WriteNumber(writer, "minMs", s.MinMs);
            WriteNumber(writer, "maxMs", s.MaxMs);
            WriteNumber(writer, "medianPeakRssMib", s.MedianPeakRssMib);
            WriteNumber(writer, "maxPeakRssMib", s.MaxPeakRssMib);
            if (s.Note is not null)
            {
                writer.WriteString("note", s.Note);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteNumber(System.Text.Json.Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Math.Round(v, 2));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string Format(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaSuite.Cli.Invoke;
using LambdaSuite.Data;
using LambdaSuite.Harness;
using LambdaSuite.Harness.Runtime;

namespace LambdaSuite.Bench;

/// <summary>
/// <c>./suite bench sizing [--function NAME]</c>: runs each packaged <c>bootstrap</c> through its heaviest legal
/// invocations (<see cref="SizingWorkloads"/>) against the local stack, measures peak RSS and CPU and wall time per
/// invocation, and holds serverless.template's MemorySize and Timeout against them (<see cref="SizingModel"/>).
/// </summary>
public static class SizingCommand
{
    private static readonly TimeSpan s_invocationTimeout = TimeSpan.FromMinutes(5);

    public static Command Create()
    {
        var only = new Option<string?>("--function", "-f") { Description = "Size one function: " + string.Join(", ", SizingWorkloads.Functions) };
        var command = new Command("sizing", "Peak memory and time per invocation of each bootstrap under heavy events, against the template's MemorySize/Timeout") { only };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var name = parse.GetValue(only);
            var functions = name is null ? SizingWorkloads.Functions : SizingWorkloads.Functions.Where(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (functions.Count == 0)
            {
                await error.WriteLineAsync($"Unknown function '{name}'; known: {string.Join(", ", SizingWorkloads.Functions)}.").ConfigureAwait(false);
                return InvokeCommand.UsageErrorExitCode;
            }

            var layout = RepositoryLayout.Discover();
            var template = TemplateSettings(Path.Combine(layout.Root, "serverless.template"));
            using var dynamoDb = DynamoDbClientFactory.Create(Environment.GetEnvironmentVariable);
            var workloads = new SizingWorkloads(dynamoDb, Environment.GetEnvironmentVariable);
            var lines = new List<string>
            {
                $"{"function",-12} {"invocations",11} {"peak RSS MiB",12} {"max CPU ms",10} {"max wall ms",11} {"template",13} {"predicted s",11} {"suggests",13}  verdict",
            };
            var failed = false;
            foreach (var function in functions)
            {
                foreach (var workload in await workloads.CreateAsync(function, cancellationToken).ConfigureAwait(false))
                {
                    try
                    {
                        await output.WriteLineAsync($"{workload.Label}: {workload.Description} ...").ConfigureAwait(false);
                        var run = await RunAsync(layout.PackagedBootstrap(function), workload, cancellationToken).ConfigureAwait(false);
                        if (run.Error is not null)
                        {
                            failed = true;
                            lines.Add($"{workload.Label,-12} failed: {run.Error}");
                            continue;
                        }

                        var (memory, timeout) = template[function];
                        var predicted = SizingModel.PredictedDuration(run.SlowestCpu, run.SlowestWall, memory);
                        var rss = run.PeakRssKib / 1024.0;
                        lines.Add(string.Create(CultureInfo.InvariantCulture,
                            $"{workload.Label,-12} {workload.Events.Count,11} {rss,12:0.0} {run.SlowestCpu.TotalMilliseconds,10:0} {run.SlowestWall.TotalMilliseconds,11:0} {$"{memory} MB/{timeout} s",13} {predicted.TotalSeconds,11:0.00} {$"{SizingModel.MemoryFor(rss)} MB/{SizingModel.TimeoutSecondsFor(predicted)} s",13}  {SizingModel.Verdict(memory, timeout, rss, predicted)}"));
                    }
                    finally
                    {
                        await workload.CleanUp().ConfigureAwait(false);
                    }
                }
            }

            lines.Add($"predicted = the slowest invocation at the template's memory (CPU scaled by {SizingModel.FullVcpuMemoryMb} MB per vCPU, plus waiting);");
            lines.Add($"suggests = {SizingModel.MemoryHeadroom}x peak RSS in 64 MB steps (min 128), {SizingModel.TimeoutHeadroom}x predicted in 5 s steps (min 10 s)");
            await output.WriteLineAsync(string.Join(Environment.NewLine, lines)).ConfigureAwait(false);
            return failed ? 1 : 0;
        });
        return command;
    }

    private sealed record SizingRun(long PeakRssKib, TimeSpan SlowestCpu, TimeSpan SlowestWall, string? Error);

    private static async Task<SizingRun> RunAsync(string bootstrap, SizingWorkload workload, CancellationToken cancellationToken)
    {
        await using var session = await BootstrapSession.StartAsync(bootstrap, workload.Function, onLogLine: null, cancellationToken, workload.Environment).ConfigureAwait(false);
        var (slowestCpu, slowestWall) = (TimeSpan.Zero, TimeSpan.Zero);
        foreach (var e in workload.Events)
        {
            var cpuBefore = session.CpuTime ?? TimeSpan.Zero;
            var started = Stopwatch.GetTimestamp();
            var outcome = await session.InvokeAsync(e, s_invocationTimeout, cancellationToken).ConfigureAwait(false);
            var wall = Stopwatch.GetElapsedTime(started);
            var cpu = (session.CpuTime ?? cpuBefore) - cpuBefore;
            if (outcome.IsError || HasBatchItemFailures(outcome.Body))
            {
                return new SizingRun(0, slowestCpu, slowestWall, $"{outcome.ErrorTypeHeader ?? "batch item failures"}: {Encoding.UTF8.GetString(outcome.Body)}");
            }

            if (workload.AnswerProblem?.Invoke(outcome.Body) is { } problem)
            {
                return new SizingRun(0, slowestCpu, slowestWall, problem);
            }

            slowestCpu = cpu > slowestCpu ? cpu : slowestCpu;
            slowestWall = wall > slowestWall ? wall : slowestWall;
        }

        return new SizingRun(session.PeakResidentKib ?? 0, slowestCpu, slowestWall, workload.RunProblem?.Invoke());
    }

    /// <summary>A partial batch response that names a failed item means records were not delivered: the run is not a valid measurement.</summary>
    private static bool HasBatchItemFailures(byte[] body)
    {
        using var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("batchItemFailures", out var failures)
            && failures.ValueKind == JsonValueKind.Array
            && failures.GetArrayLength() > 0;
    }

    /// <summary>MemorySize and Timeout of each function in the template, found by its CodeUri folder.</summary>
    private static Dictionary<string, (int MemoryMb, int TimeoutSeconds)> TemplateSettings(string templatePath)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(templatePath));
        var settings = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var resource in document.RootElement.GetProperty("Resources").EnumerateObject())
        {
            if (resource.Value.GetProperty("Type").GetString() == "AWS::Serverless::Function"
                && resource.Value.GetProperty("Properties") is var properties
                && properties.TryGetProperty("CodeUri", out var codeUri) && codeUri.ValueKind == JsonValueKind.String)
            {
                var folder = codeUri.GetString()!.TrimEnd('/');
                settings[Path.GetFileName(folder)] = (properties.GetProperty("MemorySize").GetInt32(), properties.GetProperty("Timeout").GetInt32());
            }
        }

        return settings;
    }
}

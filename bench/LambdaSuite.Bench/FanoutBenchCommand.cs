using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using LambdaSuite.Data.Fanout;

namespace LambdaSuite.Bench;

/// <summary>
/// <c>./suite bench fanout</c>: 10,000 records of ~1 KB as plain Kinesis records, as KPL aggregates (≤ 50 KB) and as
/// DynamoDB Streams records converted to JSON, to a Kinesis destination; then plain records to SQS and SNS (calls
/// counted), each with its phase breakdown, GC counts and the machine line. Timed from the event's JSON bytes to the
/// signed, serialized requests (only the HTTP send replaced), pinned to one core, median of the runs. Inputs are reproducible from <c>--seed</c> and <c>--records</c>.
/// </summary>
public static class FanoutBenchCommand
{
    /// <summary>The inputs, in the order they run, as <c>--inputs</c> names them.</summary>
    public static readonly string[] InputNames = ["plain", "kpl", "dynamodb", "sqs", "sns"];

    /// <summary>The <c>fanout</c> subcommand, for the <c>bench</c> group.</summary>
    public static Command Create()
    {
        var records = new Option<int>("--records") { Description = "Records per input.", DefaultValueFactory = _ => 10_000 };
        var size = new Option<int>("--size") { Description = "Approximate record size in bytes.", DefaultValueFactory = _ => 1024 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the inputs.", DefaultValueFactory = _ => 42 };
        var runs = new Option<int>("--runs") { Description = "Measured runs per input (median, min and max reported; the phases get as many).", DefaultValueFactory = _ => 21 };
        var inputs = new Option<string>("--inputs") { Description = "Comma-separated inputs to run: plain, kpl, dynamodb (each to Kinesis), sqs, sns (plain records to each).", DefaultValueFactory = _ => string.Join(',', InputNames) };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON lines." };
        var noPhases = new Option<bool>("--no-phases") { Description = "Skip the phase breakdown (parse, view, build, batch, send with its hash and sign, other)." };
        var perRun = new Option<bool>("--per-run") { Description = "Also list each measured run in order with its collections by generation, GC pause and what the last collection promoted." };
        var endToEnd = new Option<bool>("--kinesalite") { Description = "Also run the plain input end to end into the Kinesis at AWS_ENDPOINT_URL_KINESIS (the local stack's kinesalite)." };
        var command = new Command("fanout", "Time the Fanout handler on 10,000 records: plain, KPL and DynamoDB Streams to Kinesis; plain to SQS and SNS; phases, GC and the machine.")
        {
            records, size, seed, runs, inputs, json, noPhases, perRun, endToEnd,
        };
        command.SetAction(async (parse, token) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (!TryParseInputs(parse.GetValue(inputs) ?? "", out var chosen, out var problem))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(problem).ConfigureAwait(false);
                return 2;
            }

            var asJson = parse.GetValue(json);
            if (!asJson)
            {
                await output.WriteLineAsync(FanoutBenchMachine.Read().ToText() + " (at start)").ConfigureAwait(false);
            }

            // One core, as the targets are stated: the handler runs on this thread and its continuations on the pool.
            if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
            {
                Process.GetCurrentProcess().ProcessorAffinity = 1;
            }

            var inputRecords = FanoutBenchInputs.Records(parse.GetValue(seed), parse.GetValue(records), parse.GetValue(size));
            var plain = FanoutBenchInputs.PlainKinesisEvent(inputRecords);
            var rates = FanoutBenchRates.Measure(plain);
            if (!asJson)
            {
                await output.WriteLineAsync(rates.ToText()).ConfigureAwait(false);
            }

            foreach (var result in Run(chosen, inputRecords, plain, rates, parse.GetValue(seed), parse.GetValue(size), Math.Max(1, parse.GetValue(runs)), !parse.GetValue(noPhases)))
            {
                await output.WriteLineAsync(asJson ? Json(result, parse.GetValue(perRun)) : result.ToText(parse.GetValue(perRun))).ConfigureAwait(false);
            }

            if (parse.GetValue(endToEnd))
            {
                var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_KINESIS");
                if (string.IsNullOrWhiteSpace(endpoint))
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync("bench fanout: --kinesalite needs AWS_ENDPOINT_URL_KINESIS (eval \"$(./suite stack env)\").").ConfigureAwait(false);
                    return 2;
                }

                using var runner = new FanoutBenchRunner(endpoint);
                var stream = await runner.CreateStreamAsync(shards: 4).ConfigureAwait(false);
                var input = FanoutBenchInputs.PlainKinesisEvent(FanoutBenchInputs.Records(parse.GetValue(seed), parse.GetValue(records), parse.GetValue(size)));
                var result = runner.Run("plain e2e", input, parse.GetValue(records), Target(FanoutBenchInputs.KinesisSource, FanoutTargetType.Kinesis, stream), 3, 1);
                await output.WriteLineAsync(asJson ? Json(result, parse.GetValue(perRun)) : result.ToText(parse.GetValue(perRun))).ConfigureAwait(false);
            }

            if (!asJson)
            {
                await output.WriteLineAsync(FanoutBenchMachine.Read().ToText() + " (at end)").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>Reads <c>--inputs</c>: known names only, each once, in the bench's own order.</summary>
    public static bool TryParseInputs(string text, out IReadOnlyList<string> inputs, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var asked = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = asked.Where(name => !InputNames.Contains(name, StringComparer.OrdinalIgnoreCase)).ToArray();
        inputs = [.. InputNames.Where(name => asked.Contains(name, StringComparer.OrdinalIgnoreCase))];
        problem = unknown.Length > 0
            ? $"bench fanout: unknown input(s) {string.Join(", ", unknown)}; choose from {string.Join(", ", InputNames)}."
            : inputs.Count == 0 ? $"bench fanout: --inputs names none; choose from {string.Join(", ", InputNames)}." : "";
        return problem.Length == 0;
    }

    private static IEnumerable<FanoutBenchResult> Run(IReadOnlyList<string> inputs, List<(string Key, byte[] Data)> records, byte[] plain, FanoutBenchRates rates, int seed, int size, int runs, bool phases)
    {
        var count = records.Count;
        using var runner = new FanoutBenchRunner();
        var kinesis = Target(FanoutBenchInputs.KinesisSource, FanoutTargetType.Kinesis, "arn:aws:kinesis:us-east-1:123456789012:stream/bench-out");
        foreach (var input in inputs)
        {
            var (eventJson, target) = input switch
            {
                "plain" => (plain, kinesis),
                "kpl" => (FanoutBenchInputs.AggregatedKinesisEvent(records), kinesis with { Deaggregate = true }),
                "dynamodb" => (FanoutBenchInputs.DynamoDbEvent(seed, count, size), Target(FanoutBenchInputs.DynamoDbSource, FanoutTargetType.Kinesis, "bench-out") with { ConvertDdb = true }),
                "sqs" => (plain, Target(FanoutBenchInputs.KinesisSource, FanoutTargetType.Sqs, "https://sqs.us-east-1.amazonaws.com/123456789012/bench")),
                _ => (plain, Target(FanoutBenchInputs.KinesisSource, FanoutTargetType.Sns, "arn:aws:sns:us-east-1:123456789012:bench")),
            };

            // Enough warm-up runs for tiered JIT to reach optimized code (the shipped AOT bootstrap starts there);
            // SQS and SNS make 1,000 calls a run, so their code is hot after fewer.
            var warmups = input is "sqs" or "sns" ? 4 : 10;
            var label = input is "sqs" or "sns" ? "plain" : input;
            var result = runner.Run(label, eventJson, count, target, runs, warmups);
            result = result with { FloorMs = rates.Floor(result.EventBytes, result.RequestBytes) };
            yield return phases ? result with { Phases = FanoutBenchPhases.Run(runner, eventJson, target, runs) } : result;
        }
    }

    private static FanoutTarget Target(string source, FanoutTargetType type, string destination) =>
        new() { SourceArn = source, Id = "bench", Type = type, Destination = destination, Active = true };

    private static string Json(FanoutBenchResult result, bool perRun)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("input", result.Input);
            writer.WriteString("destination", result.Destination);
            writer.WriteNumber("records", result.Records);
            writer.WriteNumber("eventBytes", result.EventBytes);
            writer.WriteNumber("runs", result.Runs);
            writer.WriteNumber("medianMs", Math.Round(result.MedianMs, 3));
            writer.WriteNumber("minMs", Math.Round(result.MinMs, 3));
            writer.WriteNumber("maxMs", Math.Round(result.MaxMs, 3));
            writer.WriteNumber("medianCpuMs", Math.Round(result.MedianCpuMs, 3));
            writer.WriteNumber("calls", result.Calls);
            writer.WriteNumber("requestBytes", result.RequestBytes);
            writer.WriteNumber("allocatedBytesPerRecord", Math.Round(result.AllocatedBytesPerRecord));
            writer.WriteNumber("peakWorkingSetBytes", result.PeakWorkingSetBytes);
            writer.WriteNumber("gen0PerRun", result.CollectionsPerRun.Gen0);
            writer.WriteNumber("gen1PerRun", result.CollectionsPerRun.Gen1);
            writer.WriteNumber("gen2PerRun", result.CollectionsPerRun.Gen2);
            writer.WriteNumber("medianGcPauseMs", Math.Round(result.MedianGcPauseMs, 3));
            if (result.FloorMs is { } floor)
            {
                writer.WriteNumber("floorMs", Math.Round(floor, 3));
            }

            if (result.Phases is { } phases)
            {
                writer.WriteStartObject("phasesMs");
                writer.WriteNumber("parse", Math.Round(phases.Parse, 3));
                writer.WriteNumber("view", Math.Round(phases.View, 3));
                writer.WriteNumber("build", Math.Round(phases.Build, 3));
                writer.WriteNumber("batch", Math.Round(phases.Batch, 3));
                writer.WriteNumber("send", Math.Round(phases.Send, 3));
                writer.WriteNumber("hash", Math.Round(phases.Hash, 3));
                writer.WriteNumber("sign", Math.Round(phases.Sign, 3));
                writer.WriteNumber("other", Math.Round(phases.Other(result.MedianMs), 3));
                writer.WriteEndObject();
            }

            if (perRun)
            {
                writer.WriteStartArray("perRun");
                foreach (var run in result.PerRun)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("wallMs", Math.Round(run.WallMs, 3));
                    writer.WriteNumber("cpuMs", Math.Round(run.CpuMs, 3));
                    writer.WriteNumber("gen0", run.Gen0);
                    writer.WriteNumber("gen1", run.Gen1);
                    writer.WriteNumber("gen2", run.Gen2);
                    writer.WriteNumber("gcPauseMs", Math.Round(run.PauseMs, 3));
                    if (run.LastCollection is { } last)
                    {
                        writer.WriteNumber("lastGeneration", last.Generation);
                        writer.WriteNumber("lastPauseMs", Math.Round(last.PauseMs, 3));
                        writer.WriteNumber("lastPromotedBytes", last.PromotedBytes);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

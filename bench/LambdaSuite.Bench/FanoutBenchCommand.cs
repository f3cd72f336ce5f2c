using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using LambdaSuite.Data.Fanout;

namespace LambdaSuite.Bench;

/// <summary>
/// <c>./suite bench fanout</c>: 10,000 records of ~1 KB as plain Kinesis records, as KPL aggregates (≤ 50 KB) and as
/// DynamoDB Streams records converted to JSON, to a Kinesis destination; then plain records to SQS and SNS (calls
/// counted). Timed from the event's JSON bytes to the signed, serialized requests (only the HTTP send replaced),
/// pinned to one core, median of the runs. Inputs are reproducible from <c>--seed</c> and <c>--records</c>.
/// </summary>
public static class FanoutBenchCommand
{
    /// <summary>The <c>fanout</c> subcommand, for the <c>bench</c> group.</summary>
    public static Command Create()
    {
        var records = new Option<int>("--records") { Description = "Records per input.", DefaultValueFactory = _ => 10_000 };
        var size = new Option<int>("--size") { Description = "Approximate record size in bytes.", DefaultValueFactory = _ => 1024 };
        var seed = new Option<int>("--seed") { Description = "Random seed of the inputs.", DefaultValueFactory = _ => 42 };
        var runs = new Option<int>("--runs") { Description = "Measured runs per case (median reported).", DefaultValueFactory = _ => 21 };
        var json = new Option<bool>("--json") { Description = "Print the results as JSON lines." };
        var phases = new Option<bool>("--phases") { Description = "Also time each phase of the Kinesis cases on its own (parse, view, build, batch, write, hash, sign, send)." };
        var endToEnd = new Option<bool>("--kinesalite") { Description = "Also run the plain input end to end into the Kinesis at AWS_ENDPOINT_URL_KINESIS (the local stack's kinesalite)." };
        var command = new Command("fanout", "Time the Fanout handler on 10,000 records: plain, KPL and DynamoDB Streams to Kinesis; SQS and SNS calls.")
        {
            records, size, seed, runs, json, endToEnd, phases,
        };
        command.SetAction(async (parse, token) =>
        {
            var results = Run(parse.GetValue(records), parse.GetValue(size), parse.GetValue(seed), Math.Max(1, parse.GetValue(runs)));
            if (parse.GetValue(phases))
            {
                foreach (var line in Phases(parse.GetValue(records), parse.GetValue(size), parse.GetValue(seed), Math.Max(1, parse.GetValue(runs))))
                {
                    await parse.InvocationConfiguration.Output.WriteLineAsync(line).ConfigureAwait(false);
                }
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
                results.Add(runner.Run("plain e2e", input, parse.GetValue(records), Target(FanoutBenchInputs.KinesisSource, FanoutTargetType.Kinesis, stream), 3, 1));
            }

            foreach (var result in results)
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync(parse.GetValue(json) ? Json(result) : result.ToText()).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    /// <summary>A <c>bench</c> group holding only <see cref="Create"/>, for branches where the shared bench group is absent.</summary>
    private static List<FanoutBenchResult> Run(int count, int size, int seed, int runs)
    {
        // One core, as the targets are stated: the handler runs on this thread and its continuations on the pool.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        var records = FanoutBenchInputs.Records(seed, count, size);
        var plain = FanoutBenchInputs.PlainKinesisEvent(records);
        var kpl = FanoutBenchInputs.AggregatedKinesisEvent(records);
        var ddb = FanoutBenchInputs.DynamoDbEvent(seed, count, size);
        using var runner = new FanoutBenchRunner();
        var kinesis = Target(FanoutBenchInputs.KinesisSource, FanoutTargetType.Kinesis, "arn:aws:kinesis:us-east-1:123456789012:stream/bench-out");
        // Enough warm-up runs for tiered JIT to reach optimized code (the shipped AOT bootstrap starts there).
        var warmups = 10;
        return
        [
            runner.Run("plain", plain, count, kinesis, runs, warmups),
            runner.Run("kpl", kpl, count, kinesis with { Deaggregate = true }, runs, warmups),
            runner.Run("dynamodb", ddb, count, Target(FanoutBenchInputs.DynamoDbSource, FanoutTargetType.Kinesis, "bench-out") with { ConvertDdb = true }, runs, warmups),
            runner.Run("plain", plain, count, Target(FanoutBenchInputs.KinesisSource, FanoutTargetType.Sqs, "https://sqs.us-east-1.amazonaws.com/123456789012/bench"), Math.Max(3, runs / 4), 1),
            runner.Run("plain", plain, count, Target(FanoutBenchInputs.KinesisSource, FanoutTargetType.Sns, "arn:aws:sns:us-east-1:123456789012:bench"), Math.Max(3, runs / 4), 1),
        ];
    }

    private static List<string> Phases(int count, int size, int seed, int runs)
    {
        var records = FanoutBenchInputs.Records(seed, count, size);
        var kinesis = Target(FanoutBenchInputs.KinesisSource, FanoutTargetType.Kinesis, "bench-out");
        return
        [
            FanoutBenchPhases.Run("plain", FanoutBenchInputs.PlainKinesisEvent(records), kinesis, runs),
            FanoutBenchPhases.Run("kpl", FanoutBenchInputs.AggregatedKinesisEvent(records), kinesis with { Deaggregate = true }, runs),
            FanoutBenchPhases.Run("dynamodb", FanoutBenchInputs.DynamoDbEvent(seed, count, size), Target(FanoutBenchInputs.DynamoDbSource, FanoutTargetType.Kinesis, "bench-out") with { ConvertDdb = true }, runs),
        ];
    }

    private static FanoutTarget Target(string source, FanoutTargetType type, string destination) =>
        new() { SourceArn = source, Id = "bench", Type = type, Destination = destination, Active = true };

    private static string Json(FanoutBenchResult result)
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
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}

using System.CommandLine;
using System.Globalization;
using LambdaSuite.Cli.Invoke;

namespace LambdaSuite.Bench;

/// <summary>
/// <c>./suite bench iot [--rounds 5] [--devices 200] [--concurrency 4]</c>: IotRegistry against DynamoDB Local
/// (needs <c>AWS_ENDPOINT_URL_DYNAMODB</c>, set by the local stack's environment).
/// </summary>
public static class IotBenchCommand
{
    public static Command Create() => Create(Environment.GetEnvironmentVariable);

    public static Command Create(Func<string, string?> environment)
    {
        var rounds = new Option<int>("--rounds") { Description = "Measured rounds", DefaultValueFactory = _ => 5 };
        var devices = new Option<int>("--devices") { Description = "Devices registered and activated per round", DefaultValueFactory = _ => 200 };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once", DefaultValueFactory = _ => 4 };
        var command = new Command("iot", "IotRegistry: registrations/s, activations/s, DynamoDB requests per attempt") { rounds, devices, concurrency };
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var (r, d, c) = (parse.GetValue(rounds), parse.GetValue(devices), parse.GetValue(concurrency));
            if (r < 1 || d < 1 || c < 1 || d > 100_000 || c > 256)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("--rounds, --devices (<= 100000) and --concurrency (<= 256) must be positive.").ConfigureAwait(false);
                return InvokeCommand.UsageErrorExitCode;
            }

            if (string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL_DYNAMODB")) && string.IsNullOrEmpty(environment("AWS_ENDPOINT_URL")))
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("No local DynamoDB endpoint: run ./suite stack up and eval \"$(./suite stack env)\" first.").ConfigureAwait(false);
                return InvokeCommand.UsageErrorExitCode;
            }

            await output.WriteLineAsync($"IotRegistry bench: {r} rounds x {d} devices, {c} in flight, DynamoDB at {environment("AWS_ENDPOINT_URL_DYNAMODB") ?? environment("AWS_ENDPOINT_URL")}").ConfigureAwait(false);
            var report = await new IotBench(environment, output).RunAsync(r, d, c, ct).ConfigureAwait(false);
            await output.WriteLineAsync(Rate("registrations/s", report.RegistrationsPerSecond)).ConfigureAwait(false);
            await output.WriteLineAsync(Rate("activations/s", report.ActivationsPerSecond)).ConfigureAwait(false);
            await output.WriteLineAsync("\nDynamoDB requests per attempt (counted on the client):").ConfigureAwait(false);
            foreach (var count in report.Requests)
            {
                var detail = string.Join(", ", count.Requests.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {count.Attempt,-44} {count.Status}  {count.Total} request(s): {detail}")).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static string Rate(string name, IReadOnlyList<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{name,-18} median {BenchStatistics.Median([.. values]):0}  min {values.Min():0}  max {values.Max():0}");
}

using System.CommandLine;
using System.Globalization;
using LambdaSuite.Cli;
using LambdaSuite.Runtime;

namespace LambdaSuite.Bench;

/// <summary><c>./suite bench ses</c>: notifications per second and DynamoDB requests per recipient.</summary>
public static class SesBenchCommand
{
    public static Command Create()
    {
        var notifications = new Option<int>("--notifications") { Description = "Notifications per round.", DefaultValueFactory = _ => 2000 };
        var addresses = new Option<int>("--addresses") { Description = "Distinct addresses they go to.", DefaultValueFactory = _ => 500 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds (median/min/max over them).", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Workload seed.", DefaultValueFactory = _ => 42 };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("ses", "SesFeedback handler against DynamoDB: notifications/s and DynamoDB requests per recipient.") { notifications, addresses, rounds, seed, json };
        command.SetAction(async (result, ct) =>
        {
            var bench = new SesBench(result.GetValue(notifications), result.GetValue(addresses), result.GetValue(rounds), result.GetValue(seed));
            var context = new BenchContext();
            var runs = await bench.RunAsync(context, ct).ConfigureAwait(false);
            var perSecond = runs.Select(r => r.Recipients / r.Seconds).ToList();
            var requestsPerRecipient = runs.Select(r => (double)r.Requests / r.Recipients).ToList();
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                await output.WriteLineAsync(CliJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("notificationsPerSecondMedian", BenchStatistics.Median(perSecond) ?? 0);
                    w.WriteNumber("notificationsPerSecondMin", perSecond.Min());
                    w.WriteNumber("notificationsPerSecondMax", perSecond.Max());
                    w.WriteNumber("dynamoDbRequestsPerRecipientMedian", BenchStatistics.Median(requestsPerRecipient) ?? 0);
                    w.WriteNumber("getItemsTotal", runs.Sum(r => r.GetItems));
                    w.WriteNumber("rounds", runs.Count);
                    w.WriteEndObject();
                })).ConfigureAwait(false);
                return 0;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"""
                SesFeedback handler, {runs[0].Recipients} single-recipient notifications per round to {result.GetValue(addresses)} addresses, {runs.Count} rounds (fresh container each)
                  notifications/s      median {BenchStatistics.Median(perSecond):0}  min {perSecond.Min():0}  max {perSecond.Max():0}
                  DynamoDB requests    {BenchStatistics.Median(requestsPerRecipient):0.000} per recipient (median), PutItem {runs.Sum(r => r.PutItems)}, GetItem {runs.Sum(r => r.GetItems)}, all {runs.Sum(r => r.Requests)}
                """)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>A context for in-process benchmark invocations: generous deadline, logs discarded.</summary>
    private sealed class BenchContext : ILambdaContext, ILambdaLogger
    {
        public string AwsRequestId => "bench";
        public string FunctionName => "SesFeedback";
        public string FunctionVersion => "$LATEST";
        public string InvokedFunctionArn => "arn:aws:lambda:us-east-1:000000000000:function:SesFeedback";
        public int MemoryLimitInMB => 256;
        public string LogGroupName => "bench";
        public string LogStreamName => "bench";
        public string? TraceId => null;
        public DateTimeOffset Deadline => DateTimeOffset.UtcNow.AddMinutes(5);
        public TimeSpan RemainingTime => TimeSpan.FromMinutes(5);
        public CancellationToken CancellationToken => CancellationToken.None;
        public ILambdaLogger Logger => this;

        public void Log(LambdaLogLevel level, string message, IReadOnlyList<KeyValuePair<string, string?>>? fields = null, Exception? exception = null)
        {
        }

        public void WriteJsonLine(string json)
        {
        }
    }
}

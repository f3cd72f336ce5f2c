using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime.Signing;
using Fanout.Delivery;
using Fanout.Records;
using Fanout.Targets;
using LambdaSuite.Aws.Kinesis;
using LambdaSuite.Data.Fanout;

namespace LambdaSuite.Bench;

/// <summary>
/// <c>--phases</c>: the Kinesis pipeline taken apart, each phase timed on its own over the same input (median of the
/// runs): parse the event, build the target's view (KPL deaggregation, DynamoDB conversion), build the entries, split
/// them into calls, write the PutRecords bodies, hash them (SHA-256, the SigV4 payload hash), sign (canonical request
/// and HMAC chain, payload hash given), and the whole send path through the client (write + hash + sign + HTTP
/// plumbing; only the socket replaced). The handler's own figure minus the phases is what the engine adds on top.
/// </summary>
internal static class FanoutBenchPhases
{
    private const string StreamName = "bench-out";

    public static string Run(string name, byte[] eventJson, FanoutTarget target, int runs)
    {
        ArgumentNullException.ThrowIfNull(target);
        var phases = new[] { "parse", "view", "build", "batch", "write", "hash", "sign", "send" };
        var times = phases.ToDictionary(p => p, _ => new List<double>(runs));
        using var signer = new HttpClient(new SigV4SigningHandler(new Amazon.Runtime.BasicAWSCredentials("bench", "bench"), Amazon.RegionEndpoint.USEast1, "kinesis", new NullTransport()));
        using var runner = new FanoutBenchRunner();
        var sender = runner.KinesisSender(StreamName);
        var limits = TargetLimits.For(FanoutTargetType.Kinesis);
        for (var run = -2; run < runs; run++)
        {
            var sample = new Dictionary<string, double>();
            var started = Stopwatch.GetTimestamp();
            var batch = SourceReader.Read(eventJson)[0];
            Lap(sample, "parse", ref started);
            var problems = new List<RecordProblem>();
            FanoutRecord[] records;
            if (batch.Kind == SourceKind.Kinesis && target.Deaggregate)
            {
                records = batch.Deaggregated().Records;
            }
            else
            {
                records = batch.Kind == SourceKind.DynamoDbStreams && target.ConvertDdb ? batch.Converted() : batch.Records;
            }

            Lap(sample, "view", ref started);
            var messages = MessageBuilder.Build(batch, records, target, limits, needsIdempotencyKey: false, problems);
            Lap(sample, "build", ref started);
            var calls = new TargetDelivery(sender, limits, LambdaSuite.Aws.Retry.AwsRetryPolicy.Default).SplitIntoCalls(messages);
            Lap(sample, "batch", ref started);
            var written = calls.Select(call => KinesisSender.WriteBody(StreamName, call)).ToList();
            var bodies = written.Select(body => body.Complete()).ToList();
            Lap(sample, "write", ref started);
            var hashes = bodies.Select(body => Convert.ToHexStringLower(SHA256.HashData(body.Span))).ToList();
            Lap(sample, "hash", ref started);
            for (var i = 0; i < bodies.Count; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "https://kinesis.us-east-1.amazonaws.com/") { Content = new ReadOnlyMemoryContent(bodies[i]) };
                request.Headers.TryAddWithoutValidation("X-Amz-Content-SHA256", hashes[i]);
                signer.Send(request);
            }

            Lap(sample, "sign", ref started);
            foreach (var call in calls)
            {
                sender.SendAsync(call, DateTimeOffset.UtcNow.AddMinutes(5), CancellationToken.None).GetAwaiter().GetResult();
            }

            Lap(sample, "send", ref started);
            written.ForEach(body => body.Dispose());
            if (run >= 0)
            {
                foreach (var (phase, ms) in sample)
                {
                    times[phase].Add(ms);
                }
            }
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{name,-10} phases (median ms of {runs}):");
        foreach (var phase in phases)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {phase} {BenchStatistics.Median(times[phase]) ?? 0:F2}");
        }

        return text.ToString();
    }

    private static void Lap(Dictionary<string, double> sample, string phase, ref long started)
    {
        sample[phase] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        started = Stopwatch.GetTimestamp();
    }

    /// <summary>Answers every request at once: the signing handler runs, nothing is sent.</summary>
    private sealed class NullTransport : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => new(HttpStatusCode.OK);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(Send(request, cancellationToken));
    }
}

using System.Diagnostics;
using System.Net;
using Fanout.Delivery;
using Fanout.Records;
using LambdaSuite.Aws.Http;
using LambdaSuite.Data.Fanout;

namespace LambdaSuite.Bench;

/// <summary>
/// The pipeline of one input taken apart, each phase timed on its own over the same input (median of the runs), with
/// the same sender, limits and entry rules the engine uses: see <see cref="FanoutBenchPhaseTimes"/>. The bodies the
/// send phase produced (captured once, in a warm-up run) are hashed and signed again alone, so the share of the
/// SigV4 work in the send path is visible.
/// </summary>
internal static class FanoutBenchPhases
{
    private static readonly HttpRequestOptionsKey<string> s_serviceOption = new(AwsSigningHandler.ServiceOptionKey);
    private static readonly HttpRequestOptionsKey<string> s_regionOption = new(AwsSigningHandler.RegionOptionKey);

    public static FanoutBenchPhaseTimes Run(FanoutBenchRunner runner, byte[] eventJson, FanoutTarget target, int runs)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(target);
        var times = new double[7][];
        for (var p = 0; p < times.Length; p++)
        {
            times[p] = new double[runs];
        }

        using var signer = new HttpMessageInvoker(new AwsSigningHandler(new Amazon.Runtime.BasicAWSCredentials("bench", "bench"), "us-east-1", "kinesis", new NullTransport()));
        var sender = runner.Sender(target);
        var limits = TargetLimits.For(target.Type);
        var needsKey = target.Type is FanoutTargetType.Sqs or FanoutTargetType.Sns or FanoutTargetType.OpenSearch or FanoutTargetType.Lambda;
        var delivery = new TargetDelivery(sender, limits, LambdaSuite.Aws.Retry.AwsRetryPolicy.Default);
        var bodies = new List<FanoutBenchRequest>();
        var deadline = DateTimeOffset.UtcNow.AddHours(1);
        const int Warmups = 3;
        for (var run = -Warmups; run < runs; run++)
        {
            var sample = new double[7];
            var started = Stopwatch.GetTimestamp();
            var batch = SourceReader.Read(eventJson)[0];
            Lap(sample, 0, ref started);
            FanoutRecord[] records;
            if (batch.Kind == SourceKind.Kinesis && target.Deaggregate)
            {
                records = batch.Deaggregated().Records;
            }
            else
            {
                records = batch.Kind == SourceKind.DynamoDbStreams && target.ConvertDdb ? batch.Converted() : batch.Records;
            }

            Lap(sample, 1, ref started);
            var messages = MessageBuilder.Build(batch, records, target, limits, needsKey, []);
            Lap(sample, 2, ref started);
            var calls = delivery.SplitIntoCalls(messages);
            Lap(sample, 3, ref started);
            runner.Transport.Captured = run == -Warmups ? bodies : null;
            foreach (var call in calls)
            {
                sender.SendAsync(call, deadline, CancellationToken.None).GetAwaiter().GetResult();
            }

            runner.Transport.Captured = null;
            Lap(sample, 4, ref started);
            foreach (var body in bodies)
            {
                _ = AwsPayloadHash.Of(body.Body);
            }

            Lap(sample, 5, ref started);
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, body.Uri) { Content = new ByteArrayContent(body.Body) };
                AwsPayloadHash.Set(request, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
                request.Options.Set(s_serviceOption, body.Service);
                request.Options.Set(s_regionOption, "us-east-1");
                using var response = signer.Send(request, CancellationToken.None);
            }

            Lap(sample, 6, ref started);
            batch.Dispose();
            if (run >= 0)
            {
                for (var p = 0; p < sample.Length; p++)
                {
                    times[p][run] = sample[p];
                }
            }
        }

        double Median(int phase) => BenchStatistics.Median(times[phase]) ?? 0;
        return new FanoutBenchPhaseTimes(Median(0), Median(1), Median(2), Median(3), Median(4), Median(5), Median(6));
    }

    private static void Lap(double[] sample, int phase, ref long started)
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

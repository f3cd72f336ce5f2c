using System.Diagnostics;
using Fanout;
using Fanout.Config;
using Fanout.Delivery;
using Fanout.Targets;
using Fanout.Tests.Support;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Data.Fanout;
using LambdaSuite.Runtime;

namespace LambdaSuite.Bench;

/// <summary>
/// Runs the Fanout handler in-process on one input: event JSON bytes in, signed and serialized requests out to
/// <see cref="FanoutBenchTransport"/>. Reports the median and spread of the runs, calls, request bytes, bytes
/// allocated per record and the process's peak working set.
/// </summary>
internal sealed class FanoutBenchRunner : IDisposable
{
    private readonly FanoutBenchTransport _transport = new();
    private readonly AwsClientFactory _aws;

    public FanoutBenchRunner()
    {
        var environment = new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL"] = "https://bench.invalid/" };
        _aws = new AwsClientFactory(new AwsEndpointResolver(name => environment.GetValueOrDefault(name)), new Amazon.Runtime.BasicAWSCredentials("bench", "bench"), transport: () => _transport);
    }

    /// <summary>End to end: real HTTP to the Kinesis endpoint <paramref name="kinesisEndpoint"/> (kinesalite).</summary>
    public FanoutBenchRunner(string kinesisEndpoint)
    {
        var environment = new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL_KINESIS"] = kinesisEndpoint };
        _aws = new AwsClientFactory(new AwsEndpointResolver(name => environment.GetValueOrDefault(name)), new Amazon.Runtime.BasicAWSCredentials("local", "local"));
        EndToEnd = true;
    }

    public bool EndToEnd { get; }

    /// <summary>Where the in-process runs' requests arrive (signed, serialized, counted).</summary>
    public FanoutBenchTransport Transport => _transport;

    /// <summary>Creates an ACTIVE stream on the runner's Kinesis endpoint and returns its name.</summary>
    public async Task<string> CreateStreamAsync(int shards)
    {
        var kinesis = _aws.CreateKinesis();
        var name = "bench-" + Guid.NewGuid().ToString("N")[..10];
        await kinesis.CreateStreamAsync(new LambdaSuite.Aws.Kinesis.CreateStreamRequest { StreamName = name, ShardCount = shards }).ConfigureAwait(false);
        for (var poll = 0; poll < 200; poll++)
        {
            var summary = await kinesis.DescribeStreamSummaryAsync(new LambdaSuite.Aws.Kinesis.DescribeStreamSummaryRequest { StreamName = name }).ConfigureAwait(false);
            if (summary.StreamDescriptionSummary.StreamStatus == "ACTIVE")
            {
                return name;
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        throw new TimeoutException($"Stream {name} did not become ACTIVE.");
    }

    public FanoutBenchResult Run(string name, byte[] eventJson, int records, FanoutTarget target, int runs, int warmups)
    {
        ArgumentNullException.ThrowIfNull(target);
        var function = new FanoutFunction(new StaticTargetSource([target]), new FanoutEngine(new TargetSenderFactory(_aws, TimeProvider.System), new DeliveryLedger(), _aws.RetryPolicy, null), TimeSpan.FromSeconds(1), TimeProvider.System);
        var context = new BenchContext();
        for (var i = 0; i < warmups; i++)
        {
            Invoke(function, eventJson, context);
        }

        SettleJit(() => Invoke(function, eventJson, context));

        // The bench's own objects (10,000 source records, each case's event, the last case's phase captures) are
        // still young when a case starts: the first collection during its runs promoted them (one gen1 promoted
        // 12 MB and took 110 ms) and charged the bench's setup to a handler run. One blocking full collection before
        // the measured runs moves them to gen2 once; the handler's own allocations and collections are untouched,
        // and a Lambda bootstrap's heap holds no such inputs.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);

        var times = new double[runs];
        var cpu = new double[runs];
        var process = Process.GetCurrentProcess();
        var pauses = new double[runs];
        long calls = 0, bytes = 0, allocated = 0;
        var collections = new long[3];
        var listing = new List<FanoutBenchRun>(runs);
        for (var i = 0; i < runs; i++)
        {
            _transport.Reset();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var pauseBefore = GC.GetTotalPauseDuration();
            var collectionsBefore = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            var lastBefore = GC.GetGCMemoryInfo(GCKind.Any).Index;
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var response = Invoke(function, eventJson, context);
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
            pauses[i] = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
            var during = new int[3];
            for (var generation = 0; generation < 3; generation++)
            {
                during[generation] = GC.CollectionCount(generation) - collectionsBefore[generation];
                collections[generation] += during[generation];
            }

            listing.Add(new FanoutBenchRun(i + 1, times[i], cpu[i], during[0], during[1], during[2], pauses[i]) { LastCollection = LastCollectionSince(lastBefore) });

            calls = EndToEnd ? -1 : _transport.Calls;
            bytes = EndToEnd ? -1 : _transport.Bytes;
            if (response.Length != "{\"batchItemFailures\":[]}".Length)
            {
                throw new InvalidOperationException($"{name}: the handler reported failures: {System.Text.Encoding.UTF8.GetString(response)}");
            }
        }

        Array.Sort(times);
        process.Refresh();
        return new FanoutBenchResult(name, FanoutTargetTypes.NameOf(target.Type), records, eventJson.Length, runs, BenchStatistics.Median(times) ?? 0, times[0], times[^1], BenchStatistics.Median(cpu) ?? 0, calls, bytes, allocated / runs / (double)records, process.PeakWorkingSet64)
        {
            CollectionsPerRun = (collections[0] / (double)runs, collections[1] / (double)runs, collections[2] / (double)runs),
            MedianGcPauseMs = BenchStatistics.Median(pauses) ?? 0,
            PerRun = listing,
        };
    }

    /// <summary>The latest collection, when one ran after the one numbered <paramref name="indexBefore"/>: generation, pause, promoted bytes.</summary>
    private static (int Generation, double PauseMs, long PromotedBytes)? LastCollectionSince(long indexBefore)
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        if (info.Index == indexBefore)
        {
            return null;
        }

        var pause = 0.0;
        foreach (var part in info.PauseDurations)
        {
            pause += part.TotalMilliseconds;
        }

        return (info.Generation, pause, info.PromotedBytes);
    }

    /// <summary>
    /// Runs <paramref name="run"/> until ten runs in a row compile no method (or 30 s pass). Tiered JIT goes on
    /// compiling in the background for seconds after the first runs, on the one core the handler is pinned to, and
    /// measured: with a fixed number of warm-up runs the medians held that work (plain → Kinesis CPU 43–59 ms with
    /// tiered JIT, 25–27 ms without it, same build, same minutes). The AOT bootstrap compiles nothing at run time.
    /// </summary>
    private static void SettleJit(Action run)
    {
        var started = Stopwatch.GetTimestamp();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        for (var quiet = 0; quiet < 10 && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30);)
        {
            run();
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
        }
    }

    /// <summary>The sender the engine would use for <paramref name="target"/>, over the runner's transport (the phase breakdown).</summary>
    public ITargetSender Sender(FanoutTarget target) => new TargetSenderFactory(_aws, TimeProvider.System).Create(target);

    public void Dispose() => _aws.Dispose();

    private static byte[] Invoke(FanoutFunction function, byte[] eventJson, ILambdaContext context) =>
        function.InvokeAsync(eventJson, context).GetAwaiter().GetResult();

    /// <summary>A context whose logger keeps only a count: the bench measures the handler, not stdout.</summary>
    private sealed class BenchContext : ILambdaContext, ILambdaLogger
    {
        public string AwsRequestId => "bench";

        public string FunctionName => "fanout-bench";

        public string FunctionVersion => "$LATEST";

        public string InvokedFunctionArn => "arn:aws:lambda:us-east-1:123456789012:function:fanout-bench";

        public int MemoryLimitInMB => 256;

        public string LogGroupName => "bench";

        public string LogStreamName => "bench";

        public string? TraceId => null;

        public DateTimeOffset Deadline => DateTimeOffset.UtcNow.AddMinutes(5);

        public TimeSpan RemainingTime => TimeSpan.FromMinutes(5);

        public CancellationToken CancellationToken => CancellationToken.None;

        public ILambdaLogger Logger => this;

        public int Lines { get; private set; }

        public void Log(LambdaLogLevel level, string message, IReadOnlyList<KeyValuePair<string, string?>>? fields = null, Exception? exception = null) => Lines++;

        public void WriteJsonLine(string json) => Lines++;
    }
}

using System.Globalization;
using System.Text;

namespace LambdaSuite.Bench;

/// <summary>
/// One bench case: median (and fastest, slowest) wall milliseconds per run, median CPU milliseconds (what the process
/// itself used: on a shared, loaded machine the honest figure), calls made, bytes allocated per record, garbage
/// collections and GC pause per run, and the phase breakdown when it was timed.
/// </summary>
internal sealed record FanoutBenchResult(
    string Input,
    string Destination,
    int Records,
    int EventBytes,
    int Runs,
    double MedianMs,
    double MinMs,
    double MaxMs,
    double MedianCpuMs,
    long Calls,
    long RequestBytes,
    double AllocatedBytesPerRecord,
    long PeakWorkingSetBytes)
{
    /// <summary>Collections per run (gen0, gen1, gen2), averaged over the runs.</summary>
    public (double Gen0, double Gen1, double Gen2) CollectionsPerRun { get; init; }

    /// <summary>Median time the runtime was paused for GC in one run.</summary>
    public double MedianGcPauseMs { get; init; }

    public FanoutBenchPhaseTimes? Phases { get; init; }

    /// <summary>Each measured run in the order it ran (<c>--per-run</c> prints them).</summary>
    public IReadOnlyList<FanoutBenchRun> PerRun { get; init; } = [];

    /// <summary>The time the unavoidable byte work takes (<see cref="FanoutBenchRates.Floor"/>), when measured.</summary>
    public double? FloorMs { get; init; }

    /// <summary>The slowest run over the median: the issue asks for it within 2×.</summary>
    public double Spread => MedianMs > 0 ? MaxMs / MedianMs : 0;

    /// <param name="perRun">Also list each run in order with its collections (<see cref="FanoutBenchRun.Listing"/>).</param>
    public string ToText(bool perRun = false)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Input,-10} -> {Destination,-8} {Records,6} records  median {MedianMs,8:F2} ms wall (min {MinMs:F2}, max {MaxMs:F2}, max/median {Spread:F2}, {Runs} runs), {MedianCpuMs:F2} ms CPU");
        text.Append(CultureInfo.InvariantCulture, $"  calls {Calls}  request bytes {RequestBytes}  alloc/record {AllocatedBytesPerRecord:F0} B  GC/run {CollectionsPerRun.Gen0:F1}/{CollectionsPerRun.Gen1:F1}/{CollectionsPerRun.Gen2:F1} (gen0/1/2), pause {MedianGcPauseMs:F2} ms  peak WS {PeakWorkingSetBytes / (1024 * 1024)} MB");
        if (FloorMs is { } floor && floor > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"  floor {floor:F2} ms ({MedianMs / floor:F1}x)");
        }

        if (Phases is { } phases)
        {
            text.Append('\n').Append(phases.ToText(MedianMs));
        }

        if (perRun && PerRun.Count > 0)
        {
            text.Append('\n').Append(FanoutBenchRun.Listing($"{Input} -> {Destination}", PerRun));
        }

        return text.ToString();
    }
}

using System.Globalization;

namespace LambdaSuite.Bench;

/// <summary>
/// One bench case: median (and fastest, slowest) wall milliseconds per run, median CPU milliseconds (what the process
/// itself used: on a shared, loaded machine the honest figure), calls made, bytes allocated per record.
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
    public string ToText() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Input,-10} -> {Destination,-8} {Records,6} records  median {MedianMs,8:F2} ms wall, {MedianCpuMs,8:F2} ms CPU  (min {MinMs:F2}, max {MaxMs:F2}, {Runs} runs)  calls {Calls,5}  request bytes {RequestBytes,9}  alloc/record {AllocatedBytesPerRecord,7:F0} B  peak WS {PeakWorkingSetBytes / (1024 * 1024)} MB");
}

namespace LambdaSuite.Bench;

/// <summary>The runs of one target in one mode (AOT or JIT), reduced to the figures the table prints.</summary>
public sealed record ColdStartSummary(
    string Target,
    string Mode,
    int Runs,
    int Answered,
    double? MedianMs,
    double? MinMs,
    double? MaxMs,
    double? MedianPeakRssMib,
    double? MaxPeakRssMib,
    string? Note,
    double? MedianInitMs = null)
{
    public static ColdStartSummary From(string target, string mode, IReadOnlyList<ColdStartSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var times = samples.Where(s => s.ToFirstResponse is not null).Select(s => s.ToFirstResponse!.Value.TotalMilliseconds).ToList();
        var rss = samples.Where(s => s.PeakResidentKib is not null).Select(s => s.PeakResidentKib!.Value / 1024.0).ToList();
        var failures = samples.Where(s => s.Failure is not null).GroupBy(s => s.Failure).Select(g => $"{g.Count()}x {g.Key}");
        var note = string.Join("; ", failures);
        return new ColdStartSummary(
            target,
            mode,
            samples.Count,
            times.Count,
            BenchStatistics.Median(times),
            times.Count > 0 ? times.Min() : null,
            times.Count > 0 ? times.Max() : null,
            BenchStatistics.Median(rss),
            rss.Count > 0 ? rss.Max() : null,
            note.Length > 0 ? note : null,
            BenchStatistics.Median([.. samples.Where(s => s.ToInitDone is not null).Select(s => s.ToInitDone!.Value.TotalMilliseconds)]));
    }

    public static ColdStartSummary NotRun(string target, string mode, string reason) =>
        new(target, mode, 0, 0, null, null, null, null, null, reason);
}

using System.Globalization;
using System.Text;

namespace LambdaSuite.Bench;

/// <summary>
/// One measured run of a bench case, in the order it ran: wall and CPU milliseconds, the collections that happened
/// during it (by generation), the GC pause they cost, and what the last of them was (its generation, pause and the
/// bytes it promoted: what survived is what a collection has to copy). The slowest runs are the ones to explain, and a
/// median hides them: this line shows whether each slow run is one with a collection in it.
/// </summary>
internal sealed record FanoutBenchRun(int Index, double WallMs, double CpuMs, int Gen0, int Gen1, int Gen2, double PauseMs)
{
    /// <summary>The last collection of the run (its generation, pause and promoted bytes), when there was one.</summary>
    public (int Generation, double PauseMs, long PromotedBytes)? LastCollection { get; init; }

    /// <summary>True when any collection ran during this run.</summary>
    public bool Collected => Gen0 + Gen1 + Gen2 > 0;

    /// <summary>
    /// <c>#3   22.40 ms wall  21.90 ms CPU  GC 1/1/0 pause 7.20 ms (last gen1 7.20 ms, promoted 1.2 MB)</c>, or
    /// <c>GC -</c> for a run without a collection. Gen1 and gen2 counts include the collections of younger
    /// generations they did (a gen1 collection is counted in gen0 too, as <see cref="GC.CollectionCount"/> counts).
    /// </summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"    #{Index,-3} {WallMs,8:F2} ms wall {CpuMs,8:F2} ms CPU  ");
        if (!Collected)
        {
            return text.Append("GC -").ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"GC {Gen0}/{Gen1}/{Gen2} pause {PauseMs:F2} ms");
        if (LastCollection is { } last)
        {
            text.Append(CultureInfo.InvariantCulture, $" (last gen{last.Generation} {last.PauseMs:F2} ms, promoted {last.PromotedBytes / (1024.0 * 1024.0):F2} MB)");
        }

        return text.ToString();
    }

    /// <summary>
    /// The listing of a case's runs, in order, under a header naming the case, with the slowest run over the median and
    /// how many of the runs slower than 1.5× the median had a collection in them.
    /// </summary>
    public static string Listing(string caseName, IReadOnlyList<FanoutBenchRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var text = new StringBuilder();
        var median = BenchStatistics.Median([.. runs.Select(r => r.WallMs)]) ?? 0;
        var slow = runs.Where(r => median > 0 && r.WallMs > 1.5 * median).ToArray();
        text.Append(CultureInfo.InvariantCulture, $"  runs of {caseName} in order (median {median:F2} ms; {slow.Length} slower than 1.5x median, {slow.Count(r => r.Collected)} of them with a collection; GC gen0/gen1/gen2):");
        foreach (var run in runs)
        {
            text.Append('\n').Append(run.ToText());
        }

        return text.ToString();
    }
}

using System.Globalization;

namespace LambdaSuite.Bench;

/// <summary>
/// Turns what a bootstrap used on this machine into Lambda settings. Lambda gives a function CPU in proportion to
/// its memory, one full vCPU at 1,769 MB, so a single-threaded invocation that used <c>c</c> of CPU and <c>w</c> of
/// wall time here takes about <c>c × 1769 / M + (w − c)</c> at memory M below that. Memory must hold the peak RSS
/// with room for a batch larger than the measured one (×1.5); the timeout must cover the slowest invocation three
/// times over (retries with backoff inside it, a slower network than loopback). Both are rounded up to Lambda-ish
/// steps: 64 MB (and never under 128 MB) and 5 s (never under 10 s).
/// </summary>
public static class SizingModel
{
    public const int FullVcpuMemoryMb = 1769;
    public const double MemoryHeadroom = 1.5;
    public const double TimeoutHeadroom = 3;

    /// <summary>How long an invocation that used <paramref name="cpu"/> and <paramref name="wall"/> here takes at <paramref name="memoryMb"/>.</summary>
    public static TimeSpan PredictedDuration(TimeSpan cpu, TimeSpan wall, int memoryMb)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(memoryMb, 128);
        var share = Math.Min(1.0, (double)memoryMb / FullVcpuMemoryMb);
        var waiting = wall > cpu ? wall - cpu : TimeSpan.Zero;
        return cpu / share + waiting;
    }

    public static int MemoryFor(double peakRssMib) => Math.Max(128, RoundUp((int)Math.Ceiling(peakRssMib * MemoryHeadroom), 64));

    public static int TimeoutSecondsFor(TimeSpan predictedSlowest) =>
        Math.Max(10, RoundUp((int)Math.Ceiling(predictedSlowest.TotalSeconds * TimeoutHeadroom), 5));

    /// <summary>"ok" when the template's setting covers the measured need, otherwise what is short.</summary>
    public static string Verdict(int templateMemoryMb, int templateTimeoutSeconds, double peakRssMib, TimeSpan predictedSlowestAtTemplateMemory)
    {
        var problems = new List<string>();
        if (templateMemoryMb < MemoryFor(peakRssMib))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"memory {templateMemoryMb} < {MemoryFor(peakRssMib)}"));
        }

        if (templateTimeoutSeconds < TimeoutSecondsFor(predictedSlowestAtTemplateMemory))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"timeout {templateTimeoutSeconds} s < {TimeoutSecondsFor(predictedSlowestAtTemplateMemory)} s"));
        }

        return problems.Count == 0 ? "ok" : string.Join(", ", problems);
    }

    private static int RoundUp(int value, int step) => (value + step - 1) / step * step;
}

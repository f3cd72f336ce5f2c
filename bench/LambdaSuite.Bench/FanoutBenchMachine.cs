using System.Globalization;

namespace LambdaSuite.Bench;

/// <summary>
/// The machine a figure was taken on: CPU model, whether it has SHA extensions (<c>sha_ni</c> in /proc/cpuinfo, which
/// decides whether the SigV4 payload hash is a few milliseconds or tens of them), cores, and the load average when
/// the bench ran (wall figures on a loaded machine are not comparable with idle ones).
/// </summary>
internal sealed record FanoutBenchMachine(string CpuModel, bool? ShaNi, int Cores, string LoadAverage)
{
    /// <summary>This machine's figures; on a system without /proc the unknown parts say so.</summary>
    public static FanoutBenchMachine Read()
    {
        var cpuInfo = TryRead("/proc/cpuinfo");
        var loadAverage = TryRead("/proc/loadavg");
        return Parse(cpuInfo, loadAverage, Environment.ProcessorCount);
    }

    /// <summary>Reads the first <c>model name</c> and <c>flags</c> lines and the first three fields of loadavg.</summary>
    public static FanoutBenchMachine Parse(string? cpuInfo, string? loadAverage, int cores)
    {
        string? model = null;
        bool? shaNi = null;
        foreach (var line in (cpuInfo ?? "").Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (model is null && name == "model name")
            {
                model = value;
            }
            else if (shaNi is null && name == "flags")
            {
                shaNi = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("sha_ni", StringComparer.Ordinal);
            }
        }

        var load = (loadAverage ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new FanoutBenchMachine(model ?? "unknown CPU", shaNi, cores, load.Length >= 3 ? string.Join(' ', load[..3]) : "unknown");
    }

    public string ToText() => string.Create(
        CultureInfo.InvariantCulture,
        $"machine: {CpuModel}, {Cores} cores, sha_ni {(ShaNi is { } yes ? (yes ? "yes" : "no") : "unknown")}, load average {LoadAverage}");

    private static string? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

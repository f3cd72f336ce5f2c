using System.Globalization;

namespace LambdaSuite.Bench;

/// <summary>
/// The machine a figure was taken on: CPU model, whether it has SHA extensions (<c>sha_ni</c> in /proc/cpuinfo, which
/// decides whether the SigV4 payload hash is a few milliseconds or tens of them), cores, and the load average when
/// the bench ran (wall figures on a loaded machine are not comparable with idle ones). <see cref="OpenSslMask"/> is
/// <c>OPENSSL_ia32cap</c> when set: OpenSSL, which .NET's SHA-256 uses on Linux, then skips the CPU features it masks
/// (<c>:~0x20000000</c> hides the SHA extensions), so a figure taken so must not read as one with SHA.
/// </summary>
internal sealed record FanoutBenchMachine(string CpuModel, bool? ShaNi, int Cores, string LoadAverage, string? OpenSslMask = null)
{
    /// <summary>The OpenSSL variable that masks CPU capabilities (see OpenSSL's <c>OPENSSL_ia32cap</c> manual page).</summary>
    public const string OpenSslMaskVariable = "OPENSSL_ia32cap";

    /// <summary>This machine's figures; on a system without /proc the unknown parts say so.</summary>
    public static FanoutBenchMachine Read()
    {
        var cpuInfo = TryRead("/proc/cpuinfo");
        var loadAverage = TryRead("/proc/loadavg");
        return Parse(cpuInfo, loadAverage, Environment.ProcessorCount) with { OpenSslMask = Environment.GetEnvironmentVariable(OpenSslMaskVariable) };
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
        $"machine: {CpuModel}, {Cores} cores, sha_ni {(ShaNi is { } yes ? (yes ? "yes" : "no") : "unknown")}{MaskText}, load average {LoadAverage}");

    private string MaskText => string.IsNullOrEmpty(OpenSslMask) ? "" : $" (OpenSSL capabilities masked by {OpenSslMaskVariable}={OpenSslMask})";

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

using System.Diagnostics;
using System.Globalization;
using LambdaSuite.Harness.Publishing;
using LambdaSuite.Runtime;

namespace LambdaSuite.Harness.Runtime;

/// <summary>
/// A custom-runtime executable (a packaged <c>bootstrap</c> or a JIT apphost) started against a Runtime API, with
/// the current environment passed through as Lambda would set it up. Disposing kills it if it still runs.
/// </summary>
public sealed class BootstrapProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BootstrapProcess(Process process, long startTimestamp)
    {
        _process = process;
        StartTimestamp = startTimestamp;
        Exited = WaitForExitCodeAsync(process);
    }

    public int Id => _process.Id;

    /// <summary><see cref="Stopwatch"/> timestamp taken just before the process was created.</summary>
    public long StartTimestamp { get; }

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited { get; }

    /// <param name="environment">Variables set on top of the current environment; a null value removes that variable.</param>
    /// <param name="onOutputLine">Receives every stdout and stderr line (the runtime's JSON logs); null discards them.</param>
    /// <param name="architecture">What the executable was built for; another than this machine's runs under qemu (its /proc figures are then the emulator's).</param>
    public static BootstrapProcess Start(
        string executablePath,
        string runtimeApi,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<string>? onOutputLine = null,
        LambdaArchitecture? architecture = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(executablePath);
        ArgumentException.ThrowIfNullOrEmpty(runtimeApi);
        var (fileName, arguments) = (architecture ?? LambdaArchitecture.Host).LaunchCommand(Path.GetFullPath(executablePath));
        var startInfo = new ProcessStartInfo(fileName, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(executablePath))!,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            // A null value takes the variable away, for ones this machine sets and Lambda does not.
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        startInfo.Environment[RuntimeApiHeaders.RuntimeApiEnvironmentVariable] = runtimeApi;
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Forward(e.Data, onOutputLine);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, onOutputLine);
        var started = Stopwatch.GetTimestamp();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BootstrapProcess(process, started);
    }

    /// <summary>
    /// CPU time the process has used so far (user + system, from /proc/PID/stat), or null once it is gone. The kernel
    /// counts it in USER_HZ ticks, 100 per second on every Linux architecture Lambda runs, so it is exact to 10 ms.
    /// </summary>
    public TimeSpan? ReadCpuTime()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Id}/stat");

            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Peak resident set size (VmHWM from /proc) in KiB while the process is alive; null once it is gone.</summary>
    public long? ReadPeakResidentKib()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var digits = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process has exited; /proc no longer has it.
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the kill.
            }
        }

        await Exited.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    private static async Task<int> WaitForExitCodeAsync(Process process)
    {
        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode;
    }

    private static void Forward(string? line, Action<string>? sink)
    {
        if (line is not null)
        {
            sink?.Invoke(line);
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DnsMirror.Transfer;
using LambdaSuite.Harness;

namespace LambdaSuite.Bench;

/// <summary>
/// A BIND 9 serving one zone on a free 127.0.0.1 port, started through the stack's own named setup
/// (<c>scripts/stack/bench-named.sh</c>, which reuses <c>servers/bind.sh</c>) and stopped by its PID.
/// </summary>
public sealed class DnsBenchNamed : IDisposable
{
    private readonly Process _process;
    private readonly string _home;

    private DnsBenchNamed(Process process, string home, int port)
    {
        _process = process;
        _home = home;
        Port = port;
    }

    public int Port { get; }

    public string Master => "127.0.0.1:" + Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Rewrites the zone file, sends named SIGHUP (the zone's <c>ixfr-from-differences</c> journals the difference, see
    /// <c>servers/bind.sh</c>) and waits until it serves <paramref name="serial"/>.
    /// </summary>
    public async Task ReloadAsync(string zoneFile, string origin, uint serial, CancellationToken ct)
    {
        var file = Path.Combine(_home, "zone.db");
        // Written aside and moved into place: named must never read half a file.
        await File.WriteAllTextAsync(file + ".new", zoneFile, ct).ConfigureAwait(false);
        File.Move(file + ".new", file, overwrite: true);
        using (var hup = Process.Start("kill", ["-HUP", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await hup.WaitForExitAsync(ct).ConfigureAwait(false);
        }

        var client = new ZoneTransferClient(new ZoneTransferOptions { Masters = [DnsMaster.Parse(Master)], AttemptTimeout = TimeSpan.FromSeconds(1), Deadline = TimeSpan.FromSeconds(2) });
        var watch = Stopwatch.StartNew();
        while (!await ServesAsync(client, origin, serial, ct).ConfigureAwait(false))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"named did not serve serial {serial} of {origin} within 60 s of its reload");
            }

            await Task.Delay(50, ct).ConfigureAwait(false);
        }
    }

    // While named compares a large zone with its reloaded file it may not answer within the query's second.
    private static async Task<bool> ServesAsync(ZoneTransferClient client, string origin, uint serial, CancellationToken ct)
    {
        try
        {
            return await client.QuerySerialAsync(origin, ct).ConfigureAwait(false) == serial;
        }
        catch (ZoneTransferException)
        {
            return false;
        }
    }

    public static async Task<DnsBenchNamed> StartAsync(RepositoryLayout layout, string origin, string zoneFile, uint serial, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var home = Directory.CreateTempSubdirectory("suite-bench-dns-").FullName;
        var file = Path.Combine(home, "zone.db");
        await File.WriteAllTextAsync(file, zoneFile, ct).ConfigureAwait(false);
        var port = FreePort();
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { layout.FullPath("scripts/stack/bench-named.sh"), home, port.ToString(System.Globalization.CultureInfo.InvariantCulture), origin.TrimEnd('.'), file },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var server = new DnsBenchNamed(process, home, port);
        var log = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        var client = new ZoneTransferClient(new ZoneTransferOptions { Masters = [DnsMaster.Parse(server.Master)], AttemptTimeout = TimeSpan.FromSeconds(1), Deadline = TimeSpan.FromSeconds(2) });
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                server.Dispose();
                throw new InvalidOperationException($"named exited ({process.ExitCode}): {await log.ConfigureAwait(false)}");
            }

            try
            {
                if (await client.QuerySerialAsync(origin, ct).ConfigureAwait(false) == serial)
                {
                    return server;
                }
            }
            catch (ZoneTransferException) when (watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                // Still loading the zone.
            }

            await Task.Delay(100, ct).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using DnsMirror.Transfer;
using LambdaSuite.TestKit;

namespace DnsMirror.Tests.Support;

/// <summary>
/// A BIND 9 primary of a test's own (named in the foreground, stopped by its PID), serving one zone from a file it
/// rewrites: <see cref="PublishAsync"/> writes the records with a new serial and sends named SIGHUP, which reloads the
/// zone and, with <c>ixfr-from-differences yes;</c>, journals the difference so it is served by IXFR. Transfers are
/// open to 127.0.0.1 and to the stack's TSIG key, or to the key alone.
/// </summary>
internal sealed class IxfrPrimary : IAsyncDisposable
{
    private readonly string _directory;
    private Process _named = null!;

    private IxfrPrimary(string zone, string directory, int port)
    {
        Zone = zone;
        _directory = directory;
        Port = port;
    }

    public string Zone { get; }

    public int Port { get; }

    public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Owner (relative) → record line after the owner ("300 IN A 192.0.2.1"); the apex SOA and NS are written apart.</summary>
    public SortedDictionary<string, string> Records { get; } = new(StringComparer.Ordinal);

    public uint Serial { get; private set; }

    /// <summary>Starts named with <paramref name="zoneOptions"/> inside the zone statement (<paramref name="serverOptions"/> in its options), serving the records at <paramref name="serial"/>.</summary>
    public static async Task<IxfrPrimary> StartAsync(string zone, string zoneOptions, uint serial, IEnumerable<KeyValuePair<string, string>> records, bool keyOnly = false, string serverOptions = "")
    {
        var directory = Directory.CreateTempSubdirectory("ixfr-primary-").FullName;
        var port = FreePort();
        var (keyName, algorithm, secret) = StackKey();
        var transfer = keyOnly ? $"key \"{keyName}\";" : $"127.0.0.1; key \"{keyName}\";";
        await File.WriteAllTextAsync(Path.Combine(directory, "named.conf"), $$"""
            key "{{keyName}}" { algorithm {{algorithm}}; secret "{{secret}}"; };
            options {
              directory "{{directory}}";
              pid-file none;
              session-keyfile "{{directory}}/session.key";
              managed-keys-directory "{{directory}}";
              listen-on port {{port}} { 127.0.0.1; };
              listen-on-v6 { none; };
              recursion no;
              notify no;
              dnssec-validation no;
              {{serverOptions}}
            };
            controls { };
            zone "{{zone.TrimEnd('.')}}" {
              type primary;
              file "{{directory}}/zone.db";
              allow-transfer { {{transfer}} };
              {{zoneOptions}}
            };
            """);
        var primary = new IxfrPrimary(zone, directory, port);
        foreach (var (owner, line) in records)
        {
            primary.Records[owner] = line;
        }

        primary.Serial = serial;
        await primary.WriteZoneAsync();
        var named = Process.Start(new ProcessStartInfo("named", ["-4", "-f", "-c", Path.Combine(directory, "named.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("named (Debian's bind9) could not be started");
        named.OutputDataReceived += (_, _) => { };
        named.ErrorDataReceived += (_, _) => { };
        named.BeginOutputReadLine();
        named.BeginErrorReadLine();
        primary._named = named;
        await primary.WaitForSerialAsync(serial);
        return primary;
    }

    /// <summary>The stack's TSIG key (<c>SUITE_DNS_TSIG</c>, name:algorithm:secret).</summary>
    public static (string Name, string Algorithm, string Secret) StackKey()
    {
        var parts = LocalStack.DnsTsigKey.Split(':');
        return (parts[0], parts[1], parts[2]);
    }

    /// <summary>Writes <see cref="Records"/> at <paramref name="serial"/>, reloads named and waits until it serves that serial.</summary>
    public async Task PublishAsync(uint serial)
    {
        Serial = serial;
        await WriteZoneAsync();
        using (var hup = Process.Start("kill", ["-HUP", _named.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await hup.WaitForExitAsync();
        }

        await WaitForSerialAsync(serial);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_named.HasExited)
        {
            _named.Kill();
            await _named.WaitForExitAsync();
        }

        _named.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WriteZoneAsync()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"$TTL 300\n@ IN SOA ns1 hostmaster {Serial} 3600 600 86400 300\n@ IN NS ns1\nns1 IN A 192.0.2.53\n");
        foreach (var (owner, line) in Records)
        {
            text.Append(owner).Append(' ').Append(line).Append('\n');
        }

        // Written aside and moved into place: named must never read half a file.
        var path = Path.Combine(_directory, "zone.db");
        await File.WriteAllTextAsync(path + ".new", text.ToString());
        File.Move(path + ".new", path, overwrite: true);
    }

    private async Task WaitForSerialAsync(uint serial)
    {
        var client = new ZoneTransferClient(new ZoneTransferOptions
        {
            Masters = [new DnsMaster("127.0.0.1", Port)],
            AttemptTimeout = TimeSpan.FromSeconds(2),
            Deadline = TimeSpan.FromSeconds(2),
            Key = DnsMirror.Tsig.TsigKey.Parse(LocalStack.DnsTsigKey),
        });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                if (await client.QuerySerialAsync(Zone) == serial)
                {
                    return;
                }
            }
            catch (ZoneTransferException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet, or still loading.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"named on port {Port} did not serve serial {serial} of {Zone} within 30 s");
            }

            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Fanout.Tests.Integration;

/// <summary>
/// A private three-master Redis cluster on loopback for a test that stops a node (the stack's cluster is shared):
/// three <c>redis-server --cluster-enabled yes</c> in a temporary folder, joined by <c>redis-cli --cluster create</c>,
/// full coverage off so the survivors serve their slots while one master is down.
/// </summary>
internal sealed class LoopbackRedisCluster : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fanout-redis-cluster-").FullName;
    private readonly Process?[] _servers = new Process?[3];

    public int[] Ports { get; } = new int[3];

    public static async Task<LoopbackRedisCluster> StartAsync()
    {
        var cluster = new LoopbackRedisCluster();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                cluster.Ports[i] = FreePort();
                cluster._servers[i] = cluster.StartServer(i, FreePort());
            }

            foreach (var port in cluster.Ports)
            {
                await WaitAsync(() => Answers(port, "PING", "PONG"), $"node {port} did not answer PING");
            }

            var create = await RunAsync("redis-cli", ["--cluster", "create", .. cluster.Ports.Select(p => $"127.0.0.1:{p}"), "--cluster-replicas", "0", "--cluster-yes"]);
            Assert.True(create.ExitCode == 0, "redis-cli --cluster create failed: " + create.Output);
            foreach (var port in cluster.Ports)
            {
                await WaitAsync(() => Answers(port, "CLUSTER INFO", "cluster_state:ok"), $"node {port} does not report cluster_state:ok");
            }

            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills one master, as a crashed node would go.</summary>
    public void Kill(int node)
    {
        _servers[node]?.Kill();
        _servers[node]?.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            if (server is not null && !server.HasExited)
            {
                server.Kill();
                server.WaitForExit();
            }

            server?.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private Process StartServer(int index, int busPort)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_folder, index.ToString(CultureInfo.InvariantCulture))).FullName;
        var start = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dir };
        foreach (var argument in (string[])[
            "--bind", "127.0.0.1", "--port", Ports[index].ToString(CultureInfo.InvariantCulture), "--cluster-enabled", "yes",
            "--cluster-port", busPort.ToString(CultureInfo.InvariantCulture), "--cluster-config-file", "nodes.conf",
            "--cluster-node-timeout", "2000", "--cluster-require-full-coverage", "no", "--save", "", "--appendonly", "no", "--dir", dir])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<bool> Answers(int port, string command, string expected) =>
        (await RedisClusterAdmin.CliAsync(port, command.Split(' '))).Contains(expected, StringComparison.Ordinal);

    private static async Task WaitAsync(Func<Task<bool>> ready, string failure)
    {
        for (var i = 0; i < 150; i++)
        {
            if (await ready())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(failure + " within 15 s.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(file + " did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + error);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Globalization;

namespace Fanout.Tests.Integration;

/// <summary>
/// A Redis cluster handled through <c>redis-cli</c>, Redis's own client, never through the sender under test: who owns
/// a slot (<c>CLUSTER NODES</c>), reading a node's keys without following redirections, moving a slot by hand the way
/// <c>redis-cli --cluster reshard</c> does (SETSLOT IMPORTING/MIGRATING, MIGRATE, SETSLOT NODE), and a node's error
/// counters (<c>INFO errorstats</c>: how many MOVED and ASK answers it gave).
/// </summary>
internal sealed class RedisClusterAdmin(IReadOnlyList<int> ports)
{
    public IReadOnlyList<int> Ports => ports;

    public static RedisClusterAdmin FromSeeds(string seeds) =>
        new([.. seeds.Split(',').Select(s => int.Parse(s[(s.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture))]);

    public static async Task<string> CliAsync(int port, params string[] arguments)
    {
        var start = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-cli did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.TrimEnd('\n');
    }

    /// <summary>The value a node itself holds (no redirection followed): the value, "" when missing, or the MOVED/ASK text.</summary>
    public static Task<string> GetAsync(int port, string key) => CliAsync(port, "GET", key);

    public static async Task<int> SlotOfAsync(int port, string key) => int.Parse(await CliAsync(port, "CLUSTER", "KEYSLOT", key), CultureInfo.InvariantCulture);

    public static async Task<int> CountKeysInSlotAsync(int port, int slot) =>
        int.Parse(await CliAsync(port, "CLUSTER", "COUNTKEYSINSLOT", slot.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    /// <summary><c>errorstat_MOVED:count=N</c> of <c>INFO errorstats</c>; 0 when the node never gave that error.</summary>
    public static async Task<int> ErrorCountAsync(int port, string code)
    {
        var line = (await CliAsync(port, "INFO", "errorstats")).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith($"errorstat_{code}:count=", StringComparison.Ordinal));
        return line is null ? 0 : int.Parse(line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Split(',')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>The port of the master serving <paramref name="slot"/>, read from <c>CLUSTER NODES</c>.</summary>
    public async Task<int> OwnerOfAsync(int slot)
    {
        foreach (var line in (await CliAsync(ports[0], "CLUSTER", "NODES")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            var address = fields[1].Split('@')[0];
            var port = int.Parse(address[(address.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
            foreach (var range in fields.Skip(8).Where(f => !f.StartsWith('[')))
            {
                var bounds = range.Split('-');
                var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
                var last = bounds.Length > 1 ? int.Parse(bounds[1], CultureInfo.InvariantCulture) : first;
                if (slot >= first && slot <= last)
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No master serves slot {slot}.");
    }

    /// <summary>First half of a slot migration: the target imports, the source migrates (keys it lacks answer ASK).</summary>
    public static async Task StartMigrationAsync(int slot, int from, int to)
    {
        var text = slot.ToString(CultureInfo.InvariantCulture);
        Assert.Equal("OK", await CliAsync(to, "CLUSTER", "SETSLOT", text, "IMPORTING", await IdOfAsync(from)));
        Assert.Equal("OK", await CliAsync(from, "CLUSTER", "SETSLOT", text, "MIGRATING", await IdOfAsync(to)));
    }

    /// <summary>MIGRATE the given keys (or every key left in the slot) from one node to the other.</summary>
    public static async Task MigrateKeysAsync(int slot, int from, int to, IReadOnlyList<string>? keys = null)
    {
        keys ??= (await CliAsync(from, "CLUSTER", "GETKEYSINSLOT", slot.ToString(CultureInfo.InvariantCulture), "100000")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (keys.Count > 0)
        {
            Assert.Equal("OK", await CliAsync(from, ["MIGRATE", "127.0.0.1", to.ToString(CultureInfo.InvariantCulture), "", "0", "5000", "KEYS", .. keys]));
        }
    }

    /// <summary>Ends a migration: the slot belongs to <paramref name="to"/> on every node.</summary>
    public async Task FinishMigrationAsync(int slot, int to)
    {
        var id = await IdOfAsync(to);
        foreach (var port in ports.OrderBy(p => p == to ? 0 : 1))
        {
            Assert.Equal("OK", await CliAsync(port, "CLUSTER", "SETSLOT", slot.ToString(CultureInfo.InvariantCulture), "NODE", id));
        }
    }

    /// <summary>A whole move, as <c>redis-cli --cluster reshard</c> does it for one slot.</summary>
    public async Task MoveSlotAsync(int slot, int from, int to)
    {
        await StartMigrationAsync(slot, from, to);
        await MigrateKeysAsync(slot, from, to);
        await FinishMigrationAsync(slot, to);
    }

    private static Task<string> IdOfAsync(int port) => CliAsync(port, "CLUSTER", "MYID");
}

using System.Globalization;

namespace Fanout.Targets;

/// <summary>
/// Which node serves each of the 16,384 hash slots, as <c>CLUSTER SLOTS</c> tells (each range: start, end, then the
/// master as host, port, id and, from Redis 7, a metadata map; replicas after it are not used: writes go to masters).
/// A slot no range names maps to no node. <see cref="Move"/> applies one <c>MOVED</c> answer.
/// </summary>
internal sealed class RedisSlotMap
{
    private readonly short[] _slots = new short[RedisSlot.Count];
    private readonly List<(string Host, int Port)> _nodes = [];

    private RedisSlotMap() => Array.Fill(_slots, (short)-1);

    public IReadOnlyList<(string Host, int Port)> Nodes => _nodes;

    /// <summary>The index in <see cref="Nodes"/> of the slot's master, or -1.</summary>
    public int NodeOf(int slot) => _slots[slot];

    /// <summary>The node's index, adding it when new.</summary>
    public int IndexOf(string host, int port)
    {
        var index = _nodes.FindIndex(n => n.Port == port && string.Equals(n.Host, host, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            return index;
        }

        _nodes.Add((host, port));
        return _nodes.Count - 1;
    }

    public void Move(int slot, int node) => _slots[slot] = (short)node;

    /// <param name="reply">The <c>CLUSTER SLOTS</c> reply as <see cref="RedisReply.ReadValueAsync"/> returns it.</param>
    /// <param name="seedHost">Stands in for an empty or <c>?</c> host: a node that does not know its own address means the one asked.</param>
    public static RedisSlotMap FromClusterSlots(object? reply, string seedHost)
    {
        if (reply is not List<object?> ranges)
        {
            throw new InvalidDataException("CLUSTER SLOTS did not answer an array of slot ranges.");
        }

        var map = new RedisSlotMap();
        foreach (var item in ranges)
        {
            if (item is not List<object?> { Count: >= 3 } range
                || range[0] is not long start || range[1] is not long end || start < 0 || end >= RedisSlot.Count || start > end
                || range[2] is not List<object?> { Count: >= 2 } master || master[1] is not long port || port is <= 0 or > 65535)
            {
                throw new InvalidDataException("CLUSTER SLOTS answered a range that is not [start, end, [host, port, …], …] with slots 0-16383.");
            }

            var host = master[0] as string;
            var node = map.IndexOf(string.IsNullOrEmpty(host) || host == "?" ? seedHost : host, (int)port);
            map._slots.AsSpan((int)start, (int)(end - start + 1)).Fill((short)node);
        }

        return map;
    }

    /// <summary><c>MOVED</c>/<c>ASK</c> answers: <c>MOVED 3999 127.0.0.1:6381</c> (IPv6 hosts hold colons: the port follows the last).</summary>
    public static bool TryParseRedirect(string error, out int slot, out string host, out int port)
    {
        ArgumentNullException.ThrowIfNull(error);
        slot = port = 0;
        host = "";
        var parts = error.Split(' ');
        if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out slot) || slot >= RedisSlot.Count)
        {
            return false;
        }

        var colon = parts[2].LastIndexOf(':');
        if (colon < 0 || !int.TryParse(parts[2].AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is <= 0 or > 65535)
        {
            return false;
        }

        host = parts[2][..colon];
        return true;
    }
}

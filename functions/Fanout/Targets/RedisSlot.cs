namespace Fanout.Targets;

/// <summary>
/// The Redis Cluster hash slot of a key: CRC16 (XMODEM: polynomial 0x1021, initial value 0, no reflection) modulo
/// 16,384. When the key holds <c>{</c> followed later by <c>}</c> with at least one byte between them, only the bytes
/// between the first <c>{</c> and the first <c>}</c> after it are hashed (the hash tag), so keys sharing a tag share a
/// slot. As the Redis Cluster specification states it, "Hash tags" and "Key distribution model".
/// </summary>
internal static class RedisSlot
{
    public const int Count = 16384;

    private static readonly ushort[] s_table = BuildTable();

    public static int Of(ReadOnlySpan<byte> key)
    {
        var open = key.IndexOf((byte)'{');
        if (open >= 0)
        {
            var close = key[(open + 1)..].IndexOf((byte)'}');
            if (close > 0)
            {
                key = key.Slice(open + 1, close);
            }
        }

        return Crc16(key) & (Count - 1);
    }

    public static ushort Crc16(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            crc = (ushort)((crc << 8) ^ s_table[((crc >> 8) ^ b) & 0xFF]);
        }

        return crc;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }

            table[i] = crc;
        }

        return table;
    }
}

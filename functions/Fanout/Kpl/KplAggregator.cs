using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Fanout.Kpl;

/// <summary>
/// Writes KPL aggregates (the inverse of <see cref="KplAggregate.Deaggregate"/>). The function only reads them; this
/// exists so tests and <c>./suite bench fanout</c> can produce aggregates the way a KPL producer would.
/// </summary>
internal static class KplAggregator
{
    public static byte[] Aggregate(IReadOnlyList<KplUserRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var keys = new List<string>();
        var keyIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var hashKeys = new List<string>();
        var hashIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var message = new ArrayBufferWriter<byte>();
        foreach (var record in records)
        {
            if (!keyIndex.ContainsKey(record.PartitionKey))
            {
                keyIndex[record.PartitionKey] = keys.Count;
                keys.Add(record.PartitionKey);
            }

            if (record.ExplicitHashKey is { } hashKey && !hashIndex.ContainsKey(hashKey))
            {
                hashIndex[hashKey] = hashKeys.Count;
                hashKeys.Add(hashKey);
            }
        }

        foreach (var key in keys)
        {
            WriteBytes(message, 1, Encoding.UTF8.GetBytes(key));
        }

        foreach (var key in hashKeys)
        {
            WriteBytes(message, 2, Encoding.UTF8.GetBytes(key));
        }

        var inner = new ArrayBufferWriter<byte>();
        foreach (var record in records)
        {
            inner.ResetWrittenCount();
            WriteVarint(inner, (1 << 3) | ProtobufReader.WireVarint);
            WriteVarint(inner, (ulong)keyIndex[record.PartitionKey]);
            if (record.ExplicitHashKey is { } hashKey)
            {
                WriteVarint(inner, (2 << 3) | ProtobufReader.WireVarint);
                WriteVarint(inner, (ulong)hashIndex[hashKey]);
            }

            WriteBytes(inner, 3, record.Data.Span);
            WriteBytes(message, 3, inner.WrittenSpan);
        }

        var result = new byte[KplAggregate.Magic.Length + message.WrittenCount + KplAggregate.DigestLength];
        KplAggregate.Magic.CopyTo(result);
        message.WrittenSpan.CopyTo(result.AsSpan(KplAggregate.Magic.Length));
        MD5.HashData(message.WrittenSpan, result.AsSpan(KplAggregate.Magic.Length + message.WrittenCount));
        return result;
    }

    private static void WriteBytes(ArrayBufferWriter<byte> writer, int field, ReadOnlySpan<byte> bytes)
    {
        WriteVarint(writer, (ulong)((field << 3) | ProtobufReader.WireLengthDelimited));
        WriteVarint(writer, (ulong)bytes.Length);
        writer.Write(bytes);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> writer, ulong value)
    {
        var span = writer.GetSpan(10);
        var n = 0;
        while (value >= 0x80)
        {
            span[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[n++] = (byte)value;
        writer.Advance(n);
    }
}

using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace LambdaSuite.Harness.Kpl;

/// <summary>
/// Writes KPL aggregates the way a KPL producer does: the 4 magic bytes, the AggregatedRecord protobuf message
/// (partition key table = field 1, explicit hash key table = field 2, records = field 3, each record holding its key
/// index = 1, hash key index = 2 and data = 3), then the MD5 of that message. Fanout only reads aggregates; the tests,
/// the bench and the demo write them with this. It is written from the format, not from Fanout's reader, so a test
/// of the reader against it checks two separate readings of the format.
/// </summary>
public static class KplAggregator
{
    private const int WireVarint = 0;
    private const int WireLengthDelimited = 2;

    /// <summary>The KPL aggregate's first four bytes.</summary>
    public static ReadOnlySpan<byte> Magic => [0xF3, 0x89, 0x9A, 0xC2];

    public static byte[] Aggregate(IReadOnlyList<KplRecord> records)
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
            WriteVarint(inner, (1 << 3) | WireVarint);
            WriteVarint(inner, (ulong)keyIndex[record.PartitionKey]);
            if (record.ExplicitHashKey is { } hashKey)
            {
                WriteVarint(inner, (2 << 3) | WireVarint);
                WriteVarint(inner, (ulong)hashIndex[hashKey]);
            }

            WriteBytes(inner, 3, record.Data.Span);
            WriteBytes(message, 3, inner.WrittenSpan);
        }

        var result = new byte[Magic.Length + message.WrittenCount + MD5.HashSizeInBytes];
        Magic.CopyTo(result);
        message.WrittenSpan.CopyTo(result.AsSpan(Magic.Length));
        MD5.HashData(message.WrittenSpan, result.AsSpan(Magic.Length + message.WrittenCount));
        return result;
    }

    private static void WriteBytes(ArrayBufferWriter<byte> writer, int field, ReadOnlySpan<byte> bytes)
    {
        WriteVarint(writer, (ulong)((field << 3) | WireLengthDelimited));
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

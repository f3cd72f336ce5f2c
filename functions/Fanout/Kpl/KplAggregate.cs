using System.Security.Cryptography;
using System.Text;

namespace Fanout.Kpl;

/// <summary>
/// The Kinesis Producer Library's aggregated record: 4 magic bytes <c>F3 89 9A C2</c>, a protobuf
/// <c>AggregatedRecord</c> (1: partition key table, 2: explicit hash key table, 3: records, each with
/// 1: partition key index, 2: explicit hash key index, 3: data, 4: tags), then the MD5 of the protobuf bytes.
/// A record without the magic is an ordinary record; one with the magic that fails to parse or whose digest
/// does not match is corrupt, and <see cref="Deaggregate"/> throws <see cref="KplFormatException"/> for it.
/// </summary>
internal static class KplAggregate
{
    public const int DigestLength = 16;

    public static ReadOnlySpan<byte> Magic => [0xF3, 0x89, 0x9A, 0xC2];

    public static bool HasMagic(ReadOnlySpan<byte> data) => data.Length >= Magic.Length && data[..Magic.Length].SequenceEqual(Magic);

    /// <summary>The user records of <paramref name="data"/>, in order; an ordinary record yields itself.</summary>
    /// <param name="scratch">Lists and key strings to reuse across the aggregates of a batch; a fresh one when null.</param>
    public static void Deaggregate(ReadOnlyMemory<byte> data, string partitionKey, string? explicitHashKey, List<KplUserRecord> output, KplScratch? scratch = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var span = data.Span;
        if (!HasMagic(span))
        {
            output.Add(new KplUserRecord(partitionKey, explicitHashKey, data));
            return;
        }

        if (span.Length < Magic.Length + DigestLength)
        {
            throw new KplFormatException("KPL aggregate shorter than magic and digest", 0, span.Length);
        }

        var messageLength = span.Length - Magic.Length - DigestLength;
        var message = span.Slice(Magic.Length, messageLength);
        Span<byte> digest = stackalloc byte[DigestLength];
        MD5.HashData(message, digest);
        if (!digest.SequenceEqual(span[^DigestLength..]))
        {
            throw new KplFormatException("KPL aggregate MD5 does not match", Magic.Length + messageLength, span.Length);
        }

        var first = output.Count;
        scratch ??= new KplScratch();
        scratch.Clear();
        var keys = scratch.Keys;
        var hashKeys = scratch.HashKeys;
        var pending = scratch.Pending;
        var reader = new ProtobufReader(message);
        while (!reader.AtEnd)
        {
            var at = reader.Position;
            if (!reader.TryReadTag(out var field, out var wire))
            {
                throw new KplFormatException("Bad protobuf tag in KPL aggregate", Magic.Length + at, span.Length);
            }

            if (field is 1 or 2 or 3 && wire != ProtobufReader.WireLengthDelimited)
            {
                throw new KplFormatException($"KPL field {field} has wire type {wire}", Magic.Length + at, span.Length);
            }

            switch (field)
            {
                case 1 or 2:
                    if (!reader.TryReadLengthDelimited(out var text, out _))
                    {
                        throw new KplFormatException("Truncated key table entry", Magic.Length + at, span.Length);
                    }

                    (field == 1 ? keys : hashKeys).Add(scratch.KeyOf(text));
                    break;
                case 3:
                    if (!reader.TryReadLengthDelimited(out var record, out var recordOffset))
                    {
                        throw new KplFormatException("Truncated user record", Magic.Length + at, span.Length);
                    }

                    pending.Add(ReadRecord(record, Magic.Length + recordOffset, span.Length));
                    break;
                default:
                    if (!reader.TrySkip(wire))
                    {
                        throw new KplFormatException($"Cannot skip field {field}", Magic.Length + at, span.Length);
                    }

                    break;
            }
        }

        foreach (var (key, hashKey, offset, length) in pending)
        {
            if (key >= (ulong)keys.Count || (hashKey is { } h && h >= (ulong)hashKeys.Count))
            {
                output.RemoveRange(first, output.Count - first);
                throw new KplFormatException("User record names a key table entry that does not exist", offset, span.Length);
            }

            output.Add(new KplUserRecord(keys[(int)key], hashKey is { } index ? hashKeys[(int)index] : null, data.Slice(offset, length)));
        }
    }

    private static (ulong Key, ulong? HashKey, int Offset, int Length) ReadRecord(ReadOnlySpan<byte> record, int baseOffset, int totalLength)
    {
        ulong? key = null;
        ulong? hashKey = null;
        int dataOffset = -1, dataLength = 0;
        var reader = new ProtobufReader(record);
        while (!reader.AtEnd)
        {
            var at = reader.Position;
            if (!reader.TryReadTag(out var field, out var wire))
            {
                throw new KplFormatException("Bad protobuf tag in user record", baseOffset + at, totalLength);
            }

            var ok = (field, wire) switch
            {
                (1, ProtobufReader.WireVarint) => reader.TryReadVarint(out var k) && (key = k) is not null,
                (2, ProtobufReader.WireVarint) => reader.TryReadVarint(out var h) && (hashKey = h) is not null,
                (3, ProtobufReader.WireLengthDelimited) => reader.TryReadLengthDelimited(out var payload, out dataOffset) && (dataLength = payload.Length) >= 0,
                (1 or 2 or 3, _) => false,
                _ => reader.TrySkip(wire),
            };
            if (!ok)
            {
                throw new KplFormatException($"Bad user record field {field}", baseOffset + at, totalLength);
            }
        }

        if (key is null || dataOffset < 0)
        {
            throw new KplFormatException("User record lacks partition key index or data", baseOffset, totalLength);
        }

        return (key.Value, hashKey, baseOffset + dataOffset, dataLength);
    }
}

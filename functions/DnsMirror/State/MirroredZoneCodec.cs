using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using DnsMirror.Route53;
using DnsMirror.Wire;
using LambdaSuite.Data.DnsMirror;

namespace DnsMirror.State;

/// <summary>
/// The stored form of a <see cref="MirroredZone"/>: a compact binary list of the records (owner written once per run
/// of the same owner, then type, class, TTL and the RDATA as on the wire), Brotli-compressed at its fastest level.
/// Layout: "DMZ1", the uncompressed length (uint32), then the compressed body: serial, origin, the hosted zone's id
/// (empty when none), its SOA (or a 0 flag), the record count and the records. Every read is bounds-checked; a blob that does not decode is a
/// <see cref="FormatException"/> and the run falls back to a full transfer.
/// </summary>
internal static class MirroredZoneCodec
{
    private const uint Magic = 0x444D5A31; // "DMZ1"
    internal const int HeaderLength = 8;
    /// <summary>The flag of a record whose owner is the previous record's.</summary>
    internal const byte SameOwner = 1;

    /// <summary>A zone's state may not expand past this: a corrupt length must not allocate gigabytes.</summary>
    private const int MaxRawLength = 256 * 1024 * 1024;

    public static ChunkedBuffer Encode(string origin, uint serial, HostedZoneRecordSet? targetSoa, IEnumerable<DnsResourceRecord> records, int count, string? hostedZoneId = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        return Encode(origin, serial, targetSoa, count, hostedZoneId, raw =>
        {
            string? lastName = null;
            var written = 0;
            foreach (var record in records)
            {
                WriteRecord(raw, record, ref lastName);
                written++;
            }

            return written;
        });
    }

    /// <summary>
    /// A zone loaded from its stored form: the records no delta touched are copied as stored bytes, without becoming
    /// objects; the touched sets are written from their records.
    /// </summary>
    public static ChunkedBuffer Encode(MirroredZone zone, string? hostedZoneId)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Encode(zone.Origin, zone.Serial, zone.TargetSoa, zone.RecordCount, hostedZoneId, zone.WriteRecords);
    }

    /// <summary>One record of the list: the owner's flag (and name unless it is <paramref name="lastName"/>), type, class, TTL, RDATA.</summary>
    internal static void WriteRecord(IBufferWriter<byte> raw, DnsResourceRecord record, ref string? lastName)
    {
        if (string.Equals(record.Name, lastName, StringComparison.Ordinal))
        {
            WriteByte(raw, SameOwner);
        }
        else
        {
            WriteByte(raw, 0);
            WriteText(raw, record.Name);
            lastName = record.Name;
        }

        WriteUInt16(raw, (ushort)record.Type);
        WriteUInt16(raw, record.Class);
        WriteUInt32(raw, record.Ttl);
        WriteUInt16(raw, checked((ushort)record.Data.Length));
        raw.Write(record.Data);
    }

    private static ChunkedBuffer Encode(string origin, uint serial, HostedZoneRecordSet? targetSoa, int count, string? hostedZoneId, Func<IBufferWriter<byte>, int> writeRecords)
    {
        ArgumentNullException.ThrowIfNull(origin);
        // The uncompressed form is never held whole: records are staged in a pooled 64 KiB buffer that is compressed
        // each time it fills, straight into arrays of one chunk item each, behind room for the header.
        var output = new ChunkedBuffer(DnsMirrorZoneStore.MaxChunkBytes, Math.Max(4096, count * 12));
        output.Advance(HeaderLength);
        using var raw = new CompressingWriter(output);
        WriteUInt32(raw, serial);
        WriteText(raw, origin);
        WriteText(raw, hostedZoneId ?? "");
        if (targetSoa is { Ttl: { } ttl, Values.Count: 1 })
        {
            WriteByte(raw, 1);
            WriteText(raw, targetSoa.Name);
            WriteUInt32(raw, checked((uint)ttl));
            WriteText(raw, targetSoa.Values[0]);
        }
        else
        {
            WriteByte(raw, 0);
        }

        WriteUInt32(raw, checked((uint)count));
        var written = writeRecords(raw);
        if (written != count)
        {
            throw new ArgumentException($"{written} records given, {count} announced", nameof(count));
        }

        raw.Complete();
        if (raw.RawLength > MaxRawLength)
        {
            throw new ArgumentException($"the zone state is {raw.RawLength} bytes uncompressed, above {MaxRawLength}", nameof(count));
        }

        var header = output.Prefix(HeaderLength);
        BinaryPrimitives.WriteUInt32BigEndian(header, Magic);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)raw.RawLength);
        return output;
    }

    public static MirroredZone Decode(ReadOnlySpan<byte> blob)
    {
        using var decoder = new StoredStateDecoder();
        decoder.Append(blob);
        return DecodeBody(decoder.Finish());
    }

    public static MirroredZone Decode(ChunkedBuffer blob)
    {
        ArgumentNullException.ThrowIfNull(blob);
        using var decoder = new StoredStateDecoder();
        foreach (var chunk in blob.Chunks)
        {
            decoder.Append(chunk.Span);
        }

        return DecodeBody(decoder.Finish());
    }

    /// <summary>The uncompressed length a stored form's header announces, checked against its mark and the cap.</summary>
    internal static int RawLength(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderLength || BinaryPrimitives.ReadUInt32BigEndian(header) != Magic)
        {
            throw new FormatException("stored zone state does not start with its format mark");
        }

        var rawLength = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        if (rawLength > MaxRawLength)
        {
            throw new FormatException($"stored zone state claims {rawLength} bytes, above {MaxRawLength}");
        }

        return (int)rawLength;
    }

    /// <summary>A zone over the decompressed body (<see cref="StoredStateDecoder.Finish"/>).</summary>
    public static MirroredZone DecodeBody(byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var reader = new Reader(raw);
        var serial = reader.UInt32();
        var origin = reader.Text();
        var hostedZoneId = reader.Text();
        HostedZoneRecordSet? targetSoa = null;
        if (reader.Byte() == 1)
        {
            var name = reader.Text();
            var ttl = reader.UInt32();
            targetSoa = new HostedZoneRecordSet(name, "SOA", ttl, [reader.Text()]);
        }

        var count = reader.UInt32();
        if (count > raw.Length / 11)
        {
            throw new FormatException($"stored zone state claims {count} records in {raw.Length} bytes");
        }

        // The records stay as these bytes, indexed; only the sets a delta touches become objects.
        var zone = MirroredZone.FromStored(origin, serial, targetSoa, StoredRecordIndex.Build(raw, reader.Position, (int)count));
        zone.HostedZoneId = hostedZoneId.Length == 0 ? null : hostedZoneId;
        return zone;
    }

    private static void WriteByte(IBufferWriter<byte> raw, byte value)
    {
        raw.GetSpan(1)[0] = value;
        raw.Advance(1);
    }

    private static void WriteUInt16(IBufferWriter<byte> raw, ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(raw.GetSpan(2), value);
        raw.Advance(2);
    }

    private static void WriteUInt32(IBufferWriter<byte> raw, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(raw.GetSpan(4), value);
        raw.Advance(4);
    }

    private static void WriteText(IBufferWriter<byte> raw, string text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        WriteUInt16(raw, checked((ushort)length));
        raw.Advance(Encoding.UTF8.GetBytes(text, raw.GetSpan(length)));
    }

    /// <summary>Bounds-checked reads over the decompressed body.</summary>
    private sealed class Reader(byte[] raw)
    {
        private int _position;

        public int Position => _position;

        public byte Byte() => Take(1)[0];

        public ushort UInt16() => BinaryPrimitives.ReadUInt16BigEndian(Take(2));

        public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));

        public string Text() => Encoding.UTF8.GetString(Take(UInt16()));

        private ReadOnlySpan<byte> Take(int length)
        {
            if (length > raw.Length - _position)
            {
                throw new FormatException($"stored zone state ends at byte {raw.Length}, {length} more needed at {_position}");
            }

            var span = raw.AsSpan(_position, length);
            _position += length;
            return span;
        }
    }
}

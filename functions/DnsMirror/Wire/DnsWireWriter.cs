using System.Buffers;
using System.Buffers.Binary;

namespace DnsMirror.Wire;

/// <summary>
/// Builds outgoing messages (queries, UPDATEs). Names are written uncompressed: our messages are small and
/// RFC 1035 §4.1.4 makes compression optional for senders.
/// </summary>
internal sealed class DnsWireWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    public int Length => _buffer.WrittenCount;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    public void WriteHeader(in DnsHeader header)
    {
        WriteUInt16(header.Id);
        WriteUInt16(header.Flags);
        WriteUInt16(header.QuestionCount);
        WriteUInt16(header.AnswerCount);
        WriteUInt16(header.AuthorityCount);
        WriteUInt16(header.AdditionalCount);
    }

    public void WriteUInt8(byte value)
    {
        _buffer.GetSpan(1)[0] = value;
        _buffer.Advance(1);
    }

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.GetSpan(2), value);
        _buffer.Advance(2);
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    public void WriteUInt48(ulong value)
    {
        WriteUInt16((ushort)(value >> 32));
        WriteUInt32((uint)value);
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes) => _buffer.Write(bytes);

    /// <summary>Writes a presentation-format name (absolute) in wire form.</summary>
    public void WriteName(string name)
    {
        Span<byte> wire = stackalloc byte[DnsWireReader.MaxNameLength];
        if (!DomainNameText.TryParse(name, wire, out var written))
        {
            throw new ArgumentException($"'{name}' is not a valid domain name", nameof(name));
        }

        WriteBytes(wire[..written]);
    }

    /// <summary>Writes one RR (RFC 1035 §4.1.3) whose RDATA is already uncompressed wire data.</summary>
    public void WriteRecord(string name, DnsRecordType type, ushort @class, uint ttl, ReadOnlySpan<byte> rdata)
    {
        WriteName(name);
        WriteUInt16((ushort)type);
        WriteUInt16(@class);
        WriteUInt32(ttl);
        WriteUInt16(checked((ushort)rdata.Length));
        WriteBytes(rdata);
    }

    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();
}

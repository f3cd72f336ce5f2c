using DnsMirror.Wire;

namespace DnsMirror.Tsig;

/// <summary>
/// TSIG RDATA (RFC 8945 §4.2): Algorithm Name, Time Signed (48 bits), Fudge, MAC Size, MAC, Original ID,
/// Error, Other Len, Other Data.
/// </summary>
internal sealed record TsigRecordData(string Algorithm, ulong TimeSigned, ushort Fudge, byte[] Mac, ushort OriginalId, DnsResponseCode Error, byte[] OtherData)
{
    public static bool TryParse(ReadOnlySpan<byte> rdata, out TsigRecordData? data)
    {
        data = null;
        var reader = new DnsWireReader(rdata);
        Span<byte> algorithm = stackalloc byte[DnsWireReader.MaxNameLength];
        if (!reader.TryReadName(algorithm, out var algorithmLength, allowCompression: false)
            || !reader.TryReadUInt48(out var time)
            || !reader.TryReadUInt16(out var fudge)
            || !reader.TryReadUInt16(out var macSize)
            || !reader.TryReadBytes(macSize, out var mac)
            || !reader.TryReadUInt16(out var originalId)
            || !reader.TryReadUInt16(out var error)
            || !reader.TryReadUInt16(out var otherLength)
            || !reader.TryReadBytes(otherLength, out var other)
            || reader.Remaining != 0)
        {
            return false;
        }

        data = new TsigRecordData(DomainNameText.Format(algorithm[..algorithmLength], lowercase: true), time, fudge, mac.ToArray(), originalId, (DnsResponseCode)error, other.ToArray());
        return true;
    }
}

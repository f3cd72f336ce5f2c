using System.Buffers.Binary;
using DnsMirror.Wire;

namespace DnsMirror.Tsig;

/// <summary>Signs a request (RFC 8945 §5.1): MAC over the message plus the TSIG variables, TSIG RR appended.</summary>
internal static class TsigSigner
{
    public const ushort DefaultFudge = 300;

    /// <summary>Returns the signed message and its MAC (which the response's MAC covers, §5.3).</summary>
    public static (byte[] Message, byte[] Mac) Sign(ReadOnlySpan<byte> message, TsigKey key, DateTimeOffset now, ushort fudge = DefaultFudge)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (message.Length < DnsHeader.Size)
        {
            throw new ArgumentException("message shorter than a header", nameof(message));
        }

        var timeSigned = (ulong)now.ToUnixTimeSeconds();
        byte[] mac;
        using (var hmac = key.CreateHmac())
        {
            hmac.AppendData(message);
            AppendVariables(hmac, key, timeSigned, fudge, DnsResponseCode.NoError, []);
            mac = hmac.GetHashAndReset();
        }

        var writer = new DnsWireWriter();
        writer.WriteBytes(message);
        var arCount = BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var signed = writer.ToArray();
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(10), (ushort)(arCount + 1));

        var rdata = new DnsWireWriter();
        rdata.WriteName(key.Algorithm);
        rdata.WriteUInt48(timeSigned);
        rdata.WriteUInt16(fudge);
        rdata.WriteUInt16((ushort)mac.Length);
        rdata.WriteBytes(mac);
        rdata.WriteUInt16(id);
        rdata.WriteUInt16(0);
        rdata.WriteUInt16(0);

        var full = new DnsWireWriter();
        full.WriteBytes(signed);
        full.WriteRecord(key.Name, DnsRecordType.TSIG, DnsClass.Any, 0, rdata.WrittenSpan);
        return (full.ToArray(), mac);
    }

    /// <summary>RFC 8945 §4.3.3: key name and algorithm in canonical form, class ANY, TTL 0, time, fudge, error, other.</summary>
    internal static void AppendVariables(System.Security.Cryptography.IncrementalHash hmac, TsigKey key, ulong timeSigned, ushort fudge, DnsResponseCode error, ReadOnlySpan<byte> other)
    {
        var variables = new DnsWireWriter();
        variables.WriteName(key.Name);
        variables.WriteUInt16(DnsClass.Any);
        variables.WriteUInt32(0);
        variables.WriteName(key.Algorithm);
        variables.WriteUInt48(timeSigned);
        variables.WriteUInt16(fudge);
        variables.WriteUInt16((ushort)error);
        variables.WriteUInt16((ushort)other.Length);
        variables.WriteBytes(other);
        hmac.AppendData(variables.WrittenSpan);
    }

    /// <summary>RFC 8945 §5.3.1: later messages of a stream cover only the timers.</summary>
    internal static void AppendTimers(System.Security.Cryptography.IncrementalHash hmac, ulong timeSigned, ushort fudge)
    {
        Span<byte> timers = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(timers, (ushort)(timeSigned >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(timers[2..], (uint)timeSigned);
        BinaryPrimitives.WriteUInt16BigEndian(timers[6..], fudge);
        hmac.AppendData(timers);
    }

    internal static void AppendMac(System.Security.Cryptography.IncrementalHash hmac, ReadOnlySpan<byte> mac)
    {
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)mac.Length);
        hmac.AppendData(length);
        hmac.AppendData(mac);
    }
}

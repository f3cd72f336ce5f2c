using DnsMirror.Wire;

namespace DnsMirror.Rfc2136;

/// <summary>
/// Builds UPDATE messages (RFC 2136 §2): OPCODE 5, the zone section (zone name, SOA, IN), no prerequisites,
/// then the update section: "delete an RR from an RRset" as class NONE with TTL 0 (§2.5.4) and "add to an
/// RRset" as class IN (§2.5.1).
/// </summary>
internal static class DnsUpdateBuilder
{
    /// <summary>Room left for the TSIG RR below the 65,535-octet TCP message limit.</summary>
    public const int MaxMessageSize = 60000;

    public static byte[] Build(ushort id, string zone, IReadOnlyList<DnsResourceRecord> deletes, IReadOnlyList<DnsResourceRecord> adds)
    {
        ArgumentNullException.ThrowIfNull(deletes);
        ArgumentNullException.ThrowIfNull(adds);
        var writer = new DnsWireWriter();
        writer.WriteHeader(new DnsHeader(id, DnsHeader.OpcodeUpdate << 11, 1, 0, checked((ushort)(deletes.Count + adds.Count)), 0));
        writer.WriteName(zone);
        writer.WriteUInt16((ushort)DnsRecordType.SOA);
        writer.WriteUInt16(DnsClass.Internet);
        foreach (var record in deletes)
        {
            writer.WriteRecord(record.Name, record.Type, DnsClass.None, 0, record.Data);
        }

        foreach (var record in adds)
        {
            writer.WriteRecord(record.Name, record.Type, DnsClass.Internet, record.Ttl, record.Data);
        }

        return writer.ToArray();
    }

    /// <summary>Octets one RR takes in an update section (name uncompressed).</summary>
    public static int SizeOf(DnsResourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Name.Length + 2 + 10 + record.Data.Length;
    }
}

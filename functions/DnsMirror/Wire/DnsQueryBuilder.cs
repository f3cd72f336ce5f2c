namespace DnsMirror.Wire;

/// <summary>Builds one-question queries (RFC 1035 §4.1; AXFR query per RFC 5936 §2.2: RD clear, one question).</summary>
internal static class DnsQueryBuilder
{
    public static byte[] Build(ushort id, string zone, DnsRecordType type)
    {
        var writer = new DnsWireWriter();
        writer.WriteHeader(new DnsHeader(id, 0, 1, 0, 0, 0));
        writer.WriteName(zone);
        writer.WriteUInt16((ushort)type);
        writer.WriteUInt16(DnsClass.Internet);
        return writer.ToArray();
    }
}

using System.Net;
using System.Text;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Support;

/// <summary>Builds resource records for tests by writing their RDATA by hand.</summary>
internal static class Rr
{
    public static DnsResourceRecord A(string name, string address, uint ttl = 300) =>
        new(name, DnsRecordType.A, DnsClass.Internet, ttl, IPAddress.Parse(address).GetAddressBytes());

    public static DnsResourceRecord Name(string name, DnsRecordType type, string target, uint ttl = 300) =>
        new(name, type, DnsClass.Internet, ttl, Wire(w => w.WriteName(target)));

    public static DnsResourceRecord Mx(string name, ushort preference, string exchange, uint ttl = 300) =>
        new(name, DnsRecordType.MX, DnsClass.Internet, ttl, Wire(w =>
        {
            w.WriteUInt16(preference);
            w.WriteName(exchange);
        }));

    public static DnsResourceRecord Txt(string name, params string[] strings) =>
        new(name, DnsRecordType.TXT, DnsClass.Internet, 300, Wire(w =>
        {
            foreach (var s in strings)
            {
                var bytes = Encoding.UTF8.GetBytes(s);
                w.WriteUInt8((byte)bytes.Length);
                w.WriteBytes(bytes);
            }
        }));

    public static DnsResourceRecord Soa(string zone, uint serial, uint ttl = 300) =>
        new(zone, DnsRecordType.SOA, DnsClass.Internet, ttl, Wire(w =>
        {
            w.WriteName("ns1." + zone);
            w.WriteName("hostmaster." + zone);
            w.WriteUInt32(serial);
            w.WriteUInt32(3600);
            w.WriteUInt32(600);
            w.WriteUInt32(86400);
            w.WriteUInt32(300);
        }));

    public static DnsResourceRecord Raw(string name, DnsRecordType type, params byte[] data) =>
        new(name, type, DnsClass.Internet, 300, data);

    public static byte[] Wire(Action<DnsWireWriter> write)
    {
        var writer = new DnsWireWriter();
        write(writer);
        return writer.ToArray();
    }
}

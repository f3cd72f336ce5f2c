using DnsMirror.Wire;

namespace DnsMirror.Tests.Support;

/// <summary>Builds response messages for the loopback server.</summary>
internal static class TestMessages
{
    public static byte[] Response(ushort id, string zone, DnsRecordType qtype, IReadOnlyList<DnsResourceRecord> answers, DnsResponseCode rcode = DnsResponseCode.NoError, bool withQuestion = true)
    {
        var writer = new DnsWireWriter();
        writer.WriteHeader(new DnsHeader(id, (ushort)(0x8400 | (ushort)rcode), (ushort)(withQuestion ? 1 : 0), (ushort)answers.Count, 0, 0));
        if (withQuestion)
        {
            writer.WriteName(zone);
            writer.WriteUInt16((ushort)qtype);
            writer.WriteUInt16(DnsClass.Internet);
        }

        foreach (var answer in answers)
        {
            writer.WriteRecord(answer.Name, answer.Type, answer.Class, answer.Ttl, answer.Data);
        }

        return writer.ToArray();
    }
}

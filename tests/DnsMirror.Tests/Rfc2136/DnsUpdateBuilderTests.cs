using DnsMirror.Rfc2136;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Rfc2136;

public sealed class DnsUpdateBuilderTests
{
    [Fact]
    public void Build_OneDeleteOneAdd_WritesRfc2136Sections()
    {
        var delete = Rr.A("a.z.", "192.0.2.1");
        var add = Rr.A("b.z.", "192.0.2.2", ttl: 60);

        var message = DnsUpdateBuilder.Build(0x0102, "z.", [delete], [add]);

        byte[] expected =
        [
            0x01, 0x02, // 0: ID
            0x28, 0x00, // 2: OPCODE 5 (UPDATE)
            0x00, 0x01, // 4: ZOCOUNT 1
            0x00, 0x00, // 6: PRCOUNT 0
            0x00, 0x02, // 8: UPCOUNT 2
            0x00, 0x00, // 10: ADCOUNT 0
            0x01, (byte)'z', 0x00, 0x00, 0x06, 0x00, 0x01, // 12: zone z. SOA IN
            0x01, (byte)'a', 0x01, (byte)'z', 0x00, // 19: a.z.
            0x00, 0x01, 0x00, 0xFE, 0x00, 0x00, 0x00, 0x00, // 24: A, class NONE, TTL 0 (delete this RR, §2.5.4)
            0x00, 0x04, 192, 0, 2, 1, // 32: RDATA
            0x01, (byte)'b', 0x01, (byte)'z', 0x00, // 38: b.z.
            0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x3C, // 43: A, IN, TTL 60 (add to RRset, §2.5.1)
            0x00, 0x04, 192, 0, 2, 2, // 51: RDATA
        ];
        Assert.Equal(expected, message);
    }

    [Fact]
    public void SizeOf_Record_IsAtLeastItsWireSize()
    {
        var record = Rr.A("www.example.test.", "192.0.2.1");

        var size = DnsUpdateBuilder.SizeOf(record);

        Assert.InRange(size, 18 + 10 + 4, 18 + 10 + 4 + 1);
    }
}

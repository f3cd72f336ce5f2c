using System.Text;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Wire;

public sealed class RDataFormatterTests
{
    public static TheoryData<DnsRecordType, byte[], string> Cases => new()
    {
        { DnsRecordType.AAAA, [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80], "2001:db8::80" },
        { DnsRecordType.MX, Rr.Wire(w => { w.WriteUInt16(10); w.WriteName("Mail.example.test."); }), "10 Mail.example.test." },
        { DnsRecordType.SRV, Rr.Wire(w => { w.WriteUInt16(10); w.WriteUInt16(60); w.WriteUInt16(5060); w.WriteName("sip.example.test."); }), "10 60 5060 sip.example.test." },
        { DnsRecordType.TXT, [3, (byte)'a', (byte)'"', (byte)'b', 2, (byte)'\\', 0x07], "\"a\\\"b\" \"\\\\\\007\"" },
        { DnsRecordType.CAA, [0, 5, (byte)'i', (byte)'s', (byte)'s', (byte)'u', (byte)'e', (byte)'c', (byte)'a', (byte)'.', (byte)'t'], "0 issue \"ca.t\"" },
        { DnsRecordType.SSHFP, [4, 2, 0xAB, 0xCD], "4 2 ABCD" },
        { DnsRecordType.TLSA, [3, 1, 1, 0x0C, 0x72], "3 1 1 0C72" },
        { DnsRecordType.DS, [0x30, 0x39, 13, 2, 0x3F], "12345 13 2 3F" },
        { DnsRecordType.NAPTR, Rr.Wire(w => { w.WriteUInt16(100); w.WriteUInt16(10); w.WriteBytes([1, (byte)'U', 7, .. "E2U+sip"u8, 0]); w.WriteName("."); }), "100 10 \"U\" \"E2U+sip\" \"\" ." },
        { DnsRecordType.HTTPS, Rr.Wire(w => { w.WriteUInt16(1); w.WriteName("."); w.WriteBytes([0, 1, 0, 6, 2, (byte)'h', (byte)'2', 2, (byte)'h', (byte)'3', 0, 3, 0, 2, 0x01, 0xBB]); }), "1 . alpn=\"h2,h3\" port=443" },
        { (DnsRecordType)65280, [1, 2], "\\# 2 0102" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Format_KnownTypes_WritesMasterFileText(DnsRecordType type, byte[] rdata, string expected)
    {
        var text = RDataFormatter.Format(type, rdata);

        Assert.Equal(expected, text);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Append_KnownTypes_AppendsWhatFormatReturns(DnsRecordType type, byte[] rdata, string expected)
    {
        var builder = new StringBuilder("before ");

        RDataFormatter.Append(builder, type, rdata);

        Assert.Equal("before " + expected, builder.ToString());
    }

    [Theory]
    [InlineData(DnsRecordType.A, new byte[] { 192, 0, 2, 1 }, "192.0.2.1")]
    [InlineData(DnsRecordType.AAAA, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1 }, "::ffff:192.0.2.1")]
    [InlineData(DnsRecordType.A, new byte[] { 192, 0, 2 }, "\\# 3 C00002")]
    [InlineData(DnsRecordType.MX, new byte[] { 0, 10, 4, (byte)'m', (byte)'a' }, "\\# 5 000A046D61")]
    public void Append_AddressesAndMalformedRData_AppendsWhatFormatReturns(DnsRecordType type, byte[] rdata, string expected)
    {
        var builder = new StringBuilder("before ");

        RDataFormatter.Append(builder, type, rdata);

        Assert.Equal(expected, RDataFormatter.Format(type, rdata));
        Assert.Equal("before " + expected, builder.ToString());
    }

    [Fact]
    public void Format_LowercaseNames_FoldsOnlyNames()
    {
        var rdata = Rr.Wire(w => { w.WriteUInt16(10); w.WriteName("Mail.Example.Test."); });

        var text = RDataFormatter.Format(DnsRecordType.MX, rdata, lowercaseNames: true);

        Assert.Equal("10 mail.example.test.", text);
    }

    [Fact]
    public void Format_MalformedKnownType_FallsBackToGenericForm()
    {
        byte[] rdata = [0, 10, 0xC0, 0x00]; // MX whose exchange is a compression pointer: not allowed in stored RDATA

        var text = RDataFormatter.Format(DnsRecordType.MX, rdata);

        Assert.Equal("\\# 4 000AC000", text);
    }
}

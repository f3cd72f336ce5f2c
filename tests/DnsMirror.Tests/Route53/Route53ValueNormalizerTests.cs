using DnsMirror.Route53;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Route53;

public sealed class Route53ValueNormalizerTests
{
    [Theory]
    [InlineData(DnsRecordType.A, "192.0.2.1", "192.0.2.1")]
    [InlineData(DnsRecordType.AAAA, "2001:0db8:0000::0080", "2001:db8::80")]
    [InlineData(DnsRecordType.CNAME, "WWW.Example.Test", "www.example.test.")]
    [InlineData(DnsRecordType.MX, "010 Mail.example.test.", "10 mail.example.test.")]
    [InlineData(DnsRecordType.SRV, "10 60 5060 sip.example.test", "10 60 5060 sip.example.test.")]
    [InlineData(DnsRecordType.TXT, "\"a\\042b\" \"c\"", "\"a\\\"b\" \"c\"")]
    [InlineData(DnsRecordType.TXT, "\"tab\\011\"", "\"tab\\009\"")]
    [InlineData(DnsRecordType.CAA, "0 issue \"ca.example.net\"", "0 issue \"ca.example.net\"")]
    [InlineData(DnsRecordType.NAPTR, "100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:x@example.test!\" .", "100 10 \"U\" \"E2U+sip\" \"!^.*$!sip:x@example.test!\" .")]
    [InlineData(DnsRecordType.TLSA, "3 1 1 0c72ac70", "3 1 1 0C72AC70")]
    [InlineData(DnsRecordType.DS, "12345 13 2 3fa2 e0a1", "12345 13 2 3FA2E0A1")]
    [InlineData(DnsRecordType.HTTPS, "1 . alpn=\"h2,h3\"", "1 . alpn=\"h2,h3\"")]
    [InlineData(DnsRecordType.PTR, "\\052.example.test.", "*.example.test.")]
    public void TryNormalize_Route53Values_GivesFormatterKey(DnsRecordType type, string value, string expected)
    {
        var ok = Route53ValueNormalizer.TryNormalize(type, value, out var key);

        Assert.True(ok);
        Assert.Equal(expected, key);
    }

    [Theory]
    [InlineData(DnsRecordType.A, "2001:db8::1")]
    [InlineData(DnsRecordType.MX, "99999 mail.example.test.")]
    [InlineData(DnsRecordType.TXT, "\"unterminated")]
    [InlineData(DnsRecordType.SSHFP, "1 1 XYZ")]
    [InlineData((DnsRecordType)65280, "anything")]
    public void TryNormalize_BadOrUnknown_ReturnsFalse(DnsRecordType type, string value)
    {
        var ok = Route53ValueNormalizer.TryNormalize(type, value, out _);

        Assert.False(ok);
    }

    [Fact]
    public void ValueFromPresentation_DecimalEscapes_BecomeOctal()
    {
        var value = Route53Text.ValueFromPresentation("\"tab\\009 quote\\\" bs\\\\\"");

        Assert.Equal("\"tab\\011 quote\\\" bs\\\\\"", value);
    }
}

using DnsMirror.Tests.Support;
using DnsMirror.Tsig;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Tsig;

public sealed class TsigKeyTests
{
    [Fact]
    public void Parse_NameAlgorithmSecret_NormalizesNames()
    {
        var key = TsigKey.Parse("Suite-TSIG.:HMAC-SHA256:" + Convert.ToBase64String(TestTsig.Secret));

        Assert.Equal("suite-tsig.", key.Name);
        Assert.Equal("hmac-sha256.", key.Algorithm);
        Assert.Equal(32, key.MacLength);
    }

    [Theory]
    [InlineData("only-a-name")]
    [InlineData("k:hmac-md5:AAAA")]
    [InlineData("k:hmac-sha256:not base64!")]
    public void Parse_BadText_Throws(string text)
    {
        Action act = () => TsigKey.Parse(text);

        var error = Record.Exception(act);

        Assert.True(error is FormatException or ArgumentException);
    }

    [Fact]
    public void Sign_Request_AppendsTsigRecordAsLastAdditional()
    {
        var key = TsigKey.Parse(TestTsig.KeyText);
        var query = DnsQueryBuilder.Build(7, "example.test.", DnsRecordType.AXFR);

        var (signed, mac) = TsigSigner.Sign(query, key, DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));

        var message = DnsMessageParser.Parse(signed);
        Assert.Equal(1, message.Header.AdditionalCount);
        Assert.Equal("suite-tsig.", message.Tsig!.Name);
        Assert.True(TsigRecordData.TryParse(message.Tsig.Data, out var data));
        Assert.Equal(1_800_000_000ul, data!.TimeSigned);
        Assert.Equal(mac, data.Mac);
        Assert.Equal(7, data.OriginalId);
    }

    [Fact]
    public void Verify_ResponseOutsideFudge_ThrowsBadTime()
    {
        var key = TsigKey.Parse(TestTsig.KeyText);
        var requestMac = new byte[32];
        var response = TestMessages.Response(7, "example.test.", DnsRecordType.SOA, []);
        var (signed, _) = TestTsig.Sign(response, requestMac, first: true, time: 1_000_000);
        using var verifier = new TsigResponseVerifier(key, requestMac, TimeProvider.System);

        var error = Assert.Throws<TsigException>(() => verifier.Verify(signed, DnsMessageParser.Parse(signed)));

        Assert.Contains("BADTIME", error.Message, StringComparison.Ordinal);
    }
}

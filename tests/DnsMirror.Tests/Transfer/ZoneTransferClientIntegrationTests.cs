using DnsMirror.Transfer;
using DnsMirror.Tsig;
using DnsMirror.Wire;
using LambdaSuite.TestKit;

namespace DnsMirror.Tests.Transfer;

/// <summary>AXFR against the local stack's BIND 9 primary (zone files under scripts/stack/bind/zones).</summary>
[Trait("Category", "Integration")]
public sealed class ZoneTransferClientIntegrationTests
{
    private static ZoneTransferClient Client(TsigKey? key = null, string? masters = null) => new(new ZoneTransferOptions
    {
        Masters = DnsMaster.ParseList(masters ?? LocalStack.DnsPrimary),
        Key = key,
        AttemptTimeout = TimeSpan.FromSeconds(10),
        Deadline = TimeSpan.FromSeconds(30),
    });

    [Fact]
    public async Task TransferAsync_PlainExampleZone_ReturnsEveryTypeWithSoaFirst()
    {
        var client = Client();

        var zone = await client.TransferAsync("example.test");

        Assert.Equal(DnsRecordType.SOA, zone.Records[0].Type);
        Assert.Equal(2026112201u, zone.Serial);
        Assert.Single(zone.Records, r => r.Type == DnsRecordType.SOA);
        var types = zone.Records.Select(r => r.Type).ToHashSet();
        foreach (var expected in new[] { DnsRecordType.A, DnsRecordType.AAAA, DnsRecordType.CAA, DnsRecordType.CNAME, DnsRecordType.DS, DnsRecordType.HTTPS, DnsRecordType.MX, DnsRecordType.NAPTR, DnsRecordType.NS, DnsRecordType.SPF, DnsRecordType.SRV, DnsRecordType.SSHFP, DnsRecordType.SVCB, DnsRecordType.TLSA, DnsRecordType.TXT })
        {
            Assert.Contains(expected, types);
        }

        var quoted = zone.Records.Single(r => r.Name == "quoted.example.test." && r.Type == DnsRecordType.TXT);
        Assert.Equal("\"say \\\"hello\\\"; then leave\" \"back\\\\slash\"", RDataFormatter.Format(quoted.Type, quoted.Data));
        var ftp = zone.Records.Single(r => r.Name == "ftp.example.test.");
        Assert.Equal("www.example.test.", RDataFormatter.Format(ftp.Type, ftp.Data));
        Assert.Equal(3600u, ftp.Ttl);
    }

    [Fact]
    public async Task TransferAsync_TsigZoneWithKey_VerifiesAndReturnsRecords()
    {
        var client = Client(TsigKey.Parse(LocalStack.DnsTsigKey));

        var zone = await client.TransferAsync("tsig.example.test");

        Assert.Contains(zone.Records, r => r.Name == "secret.tsig.example.test." && r.Type == DnsRecordType.TXT);
        Assert.Equal(7u, zone.Serial);
    }

    [Fact]
    public async Task TransferAsync_TsigZoneWithoutKey_FailsWithRefused()
    {
        var client = Client();

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => client.TransferAsync("tsig.example.test"));

        Assert.Contains("REFUSED", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferAsync_WrongSecret_FailsWithTsigError()
    {
        var good = TsigKey.Parse(LocalStack.DnsTsigKey);
        var wrong = new TsigKey(good.Name, good.Algorithm, new byte[32]);
        var client = Client(wrong);

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => client.TransferAsync("tsig.example.test"));

        Assert.IsType<TsigException>(error.Failures[0].InnerException);
        Assert.Contains("BadSig", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferAsync_ReverseZone_ReturnsPtrRecords()
    {
        var client = Client();

        var zone = await client.TransferAsync("2.0.192.in-addr.arpa.");

        var ptr = zone.Records.Single(r => r.Name == "25.2.0.192.in-addr.arpa.");
        Assert.Equal("mail.example.test.", RDataFormatter.Format(ptr.Type, ptr.Data));
    }

    [Fact]
    public async Task TransferIfNewerAsync_KnownSerialEqual_SkipsTransfer()
    {
        var client = Client();

        var result = await client.TransferIfNewerAsync("example.test", 2026112201u);

        Assert.Equal(TransferOutcome.Unchanged, result.Outcome);
        Assert.Null(result.Snapshot);
    }

    [Fact]
    public async Task TransferIfNewerAsync_DeadFirstMaster_FailsOverToSecond()
    {
        var client = Client(masters: "127.0.0.1:1," + LocalStack.DnsPrimary);

        var result = await client.TransferIfNewerAsync("example.test", 2026112200u);

        Assert.Equal(TransferOutcome.Transferred, result.Outcome);
        Assert.Equal(LocalStack.DnsPrimary, result.Master);
        Assert.NotNull(result.Snapshot);
    }
}

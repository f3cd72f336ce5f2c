using System.Buffers.Binary;
using System.Diagnostics;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Tsig;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Transfer;

/// <summary>AXFR edge cases against a scripted loopback server: multi-message TSIG, cuts, refusals, timeouts.</summary>
public sealed class ZoneTransferClientLoopbackTests
{
    private const string Zone = "loop.test.";

    private static ZoneTransferClient Client(string address, TsigKey? key = null, int timeoutMs = 5000) => new(new ZoneTransferOptions
    {
        Masters = DnsMaster.ParseList(address),
        Key = key,
        AttemptTimeout = TimeSpan.FromMilliseconds(timeoutMs),
        Deadline = TimeSpan.FromSeconds(10),
    });

    private static ushort Id(byte[] request) => BinaryPrimitives.ReadUInt16BigEndian(request);

    private static byte[] RequestMac(byte[] request)
    {
        var parsed = DnsMessageParser.Parse(request);
        TsigRecordData.TryParse(parsed.Tsig!.Data, out var tsig);
        return tsig!.Mac;
    }

    private static byte[] Part(byte[] request, bool first, params DnsResourceRecord[] records) =>
        TestMessages.Response(Id(request), Zone, DnsRecordType.AXFR, records, withQuestion: first);

    /// <summary>Five messages: signed, unsigned, signed, unsigned, signed (RFC 8945 §5.3.1 allows the gaps).</summary>
    private static List<byte[]> SignedStream(byte[] request, bool signLast)
    {
        var time = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var parts = new[]
        {
            Part(request, true, Rr.Soa(Zone, 9), Rr.A("a." + Zone, "192.0.2.1")),
            Part(request, false, Rr.A("b." + Zone, "192.0.2.2")),
            Part(request, false, Rr.A("c." + Zone, "192.0.2.3")),
            Part(request, false, Rr.A("d." + Zone, "192.0.2.4")),
            Part(request, false, Rr.A("e." + Zone, "192.0.2.5"), Rr.Soa(Zone, 9)),
        };
        var mac = RequestMac(request);
        var output = new List<byte[]>();
        var pending = new List<byte[]>();
        for (var i = 0; i < parts.Length; i++)
        {
            var sign = i % 2 == 0 && (signLast || i != parts.Length - 1);
            if (!sign)
            {
                output.Add(parts[i]);
                pending.Add(parts[i]);
                continue;
            }

            (var signed, mac) = TestTsig.Sign(parts[i], mac, first: i == 0, time, pending);
            output.Add(signed);
            pending.Clear();
        }

        return output;
    }

    [Fact]
    public async Task TransferAsync_SignedWithUnsignedGaps_ReturnsAllRecords()
    {
        await using var server = new LoopbackDnsServer(request => SignedStream(request, signLast: true));
        var client = Client(server.Address, TsigKey.Parse(TestTsig.KeyText));

        var zone = await client.TransferAsync(Zone);

        Assert.Equal(6, zone.Records.Count);
        Assert.Equal(9u, zone.Serial);
        Assert.Equal(5, zone.MessageCount);
    }

    [Fact]
    public async Task TransferAsync_LastMessageUnsigned_FailsWithTsigError()
    {
        await using var server = new LoopbackDnsServer(request => SignedStream(request, signLast: false));
        var client = Client(server.Address, TsigKey.Parse(TestTsig.KeyText));

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => client.TransferAsync(Zone));

        Assert.Contains("last message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferAsync_AlteredSignedMessage_FailsWithBadSig()
    {
        await using var server = new LoopbackDnsServer(request =>
        {
            var stream = SignedStream(request, signLast: true);
            stream[2][^10] ^= 0x01; // one bit of the third message's MAC (the last 6 octets are ID, error, other length)
            return stream;
        });
        var client = Client(server.Address, TsigKey.Parse(TestTsig.KeyText));

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => client.TransferAsync(Zone));

        Assert.Contains("BADSIG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferAsync_ConnectionClosedBeforeClosingSoa_FailsAsCut()
    {
        await using var server = new LoopbackDnsServer(request => [Part(request, true, Rr.Soa(Zone, 3), Rr.A("a." + Zone, "192.0.2.1"))]);
        var client = Client(server.Address);

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => client.TransferAsync(Zone));

        Assert.Contains("cut after 2 records", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DnsResponseCode.Refused, "REFUSED")]
    [InlineData(DnsResponseCode.NotAuth, "NOTAUTH")]
    public async Task TransferAsync_ErrorCode_FailsWithClearMessage(DnsResponseCode code, string expected)
    {
        await using var server = new LoopbackDnsServer(request => [TestMessages.Response(Id(request), Zone, DnsRecordType.AXFR, [], code)]);
        var client = Client(server.Address);

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => client.TransferAsync(Zone));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferAsync_FirstRecordNotSoa_Fails()
    {
        await using var server = new LoopbackDnsServer(request => [Part(request, true, Rr.A("a." + Zone, "192.0.2.1"), Rr.Soa(Zone, 3))]);
        var client = Client(server.Address);

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => client.TransferAsync(Zone));

        Assert.Contains("does not start with the zone's SOA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferAsync_ClosingSerialDiffers_Fails()
    {
        await using var server = new LoopbackDnsServer(request => [Part(request, true, Rr.Soa(Zone, 3), Rr.A("a." + Zone, "192.0.2.1"), Rr.Soa(Zone, 4))]);
        var client = Client(server.Address);

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => client.TransferAsync(Zone));

        Assert.Contains("closed with 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferAsync_SilentServer_TimesOutWithinItsLimit()
    {
        await using var server = new LoopbackDnsServer(_ => null);
        var client = Client(server.Address, timeoutMs: 300);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => client.TransferAsync(Zone));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
        Assert.InRange(watch.ElapsedMilliseconds, 250, 5000);
    }

    [Fact]
    public async Task TransferIfNewerAsync_MasterBehindKnownSerial_DoesNotTransfer()
    {
        await using var server = new LoopbackDnsServer(request => [TestMessages.Response(Id(request), Zone, DnsRecordType.SOA, [Rr.Soa(Zone, 5)])]);
        var client = Client(server.Address);

        var result = await client.TransferIfNewerAsync(Zone, knownSerial: 6);

        Assert.Equal(TransferOutcome.MasterBehind, result.Outcome);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task TransferAsync_OutOfZoneRecord_IsDropped()
    {
        await using var server = new LoopbackDnsServer(request => [Part(request, true, Rr.Soa(Zone, 3), Rr.A("other.test.", "192.0.2.1"), Rr.A("x." + Zone, "192.0.2.2"), Rr.Soa(Zone, 3))]);
        var client = Client(server.Address);

        var zone = await client.TransferAsync(Zone);

        Assert.Equal(["loop.test.", "x.loop.test."], zone.Records.Select(r => r.Name));
    }

    /// <summary>SOA answers with one serial, the AXFR carries another (two servers behind one address, say).</summary>
    private static IReadOnlyList<byte[]> SplitMaster(byte[] request, uint soaSerial, uint transferSerial) =>
        DnsMessageParser.Parse(request).Questions[0].Type == DnsRecordType.SOA
            ? [TestMessages.Response(Id(request), Zone, DnsRecordType.SOA, [Rr.Soa(Zone, soaSerial)])]
            : [Part(request, true, Rr.Soa(Zone, transferSerial), Rr.A("a." + Zone, "192.0.2.1"), Rr.Soa(Zone, transferSerial))];

    [Theory]
    [InlineData(2000u, 1000u, 500u)] // older than the SOA answer, though newer than the known serial
    [InlineData(2000u, 1000u, null)] // older than the SOA answer, nothing known yet
    [InlineData(2000u, 1500u, 1500u)] // the known serial itself
    [InlineData(2000u, 1400u, 1500u)] // older than the known serial
    public async Task TransferIfNewerAsync_TransferSerialBehind_MasterBehindWithoutSnapshot(uint soaSerial, uint transferSerial, uint? known)
    {
        await using var server = new LoopbackDnsServer(request => SplitMaster(request, soaSerial, transferSerial));
        var client = Client(server.Address);

        var result = await client.TransferIfNewerAsync(Zone, known);

        Assert.Equal(TransferOutcome.MasterBehind, result.Outcome);
        Assert.Null(result.Snapshot);
        Assert.Equal(transferSerial, result.MasterSerial);
        Assert.Contains($"transfer carried serial {transferSerial}", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferIfNewerAsync_TransferSerialAheadOfSoaAnswer_Transferred()
    {
        await using var server = new LoopbackDnsServer(request => SplitMaster(request, 2000, 2001));
        var client = Client(server.Address);

        var result = await client.TransferIfNewerAsync(Zone, knownSerial: 1999);

        Assert.Equal(TransferOutcome.Transferred, result.Outcome);
        Assert.Equal(2001u, result.Snapshot!.Serial);
        Assert.Null(result.Reason);
    }
}

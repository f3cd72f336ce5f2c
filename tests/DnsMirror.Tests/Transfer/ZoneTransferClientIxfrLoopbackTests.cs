using System.Buffers.Binary;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Transfer;

/// <summary>IXFR against a scripted loopback master: deltas, a refusal answered by an AXFR, serials across 2^32.</summary>
public sealed class ZoneTransferClientIxfrLoopbackTests
{
    private const string Zone = "loop.test.";

    private static ZoneTransferClient Client(string address) => new(new ZoneTransferOptions
    {
        Masters = DnsMaster.ParseList(address),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Deadline = TimeSpan.FromSeconds(10),
    });

    private static IReadOnlyList<byte[]> Answer(byte[] request, uint serial, Func<DnsRecordType, ushort, IReadOnlyList<byte[]>> transfer)
    {
        var id = BinaryPrimitives.ReadUInt16BigEndian(request);
        var type = DnsMessageParser.Parse(request).Questions[0].Type;
        return type == DnsRecordType.SOA ? [TestMessages.Response(id, Zone, DnsRecordType.SOA, [Rr.Soa(Zone, serial)])] : transfer(type, id);
    }

    [Fact]
    public async Task TransferIncrementalAsync_DeltasAcrossSerialWrap_ReturnsDeltasAndAsksFromKnownSerial()
    {
        await using var master = new LoopbackDnsServer(request => Answer(request, 2, (type, id) =>
        [
            TestMessages.Response(id, Zone, DnsRecordType.IXFR, [Rr.Soa(Zone, 2), Rr.Soa(Zone, 4294967295), Rr.A("a.loop.test.", "192.0.2.1")]),
            TestMessages.Response(id, Zone, DnsRecordType.IXFR, [Rr.Soa(Zone, 2), Rr.A("a.loop.test.", "192.0.2.2"), Rr.Soa(Zone, 2)], withQuestion: false),
        ]));

        var result = await Client(master.Address).TransferIncrementalAsync(Zone, 4294967295);

        var query = DnsMessageParser.Parse(master.Requests[1]);
        Assert.Equal(TransferOutcome.Transferred, result.Outcome);
        Assert.Equal(2u, result.MasterSerial);
        Assert.Equal((4294967295u, 2u), (result.Deltas!.Single().FromSerial, result.Deltas!.Single().ToSerial));
        Assert.Null(result.Snapshot);
        Assert.Equal(DnsRecordType.IXFR, query.Questions[0].Type);
        Assert.Equal(4294967295u, IxfrStreamReader.SerialOf(query.Authorities.Single()));
    }

    [Theory]
    [InlineData(DnsResponseCode.NotImp)]
    [InlineData(DnsResponseCode.Refused)]
    [InlineData(DnsResponseCode.FormErr)]
    public async Task TransferIncrementalAsync_IxfrRefused_FallsBackToAxfr(DnsResponseCode code)
    {
        await using var master = new LoopbackDnsServer(request => Answer(request, 9, (type, id) => type == DnsRecordType.IXFR
            ? [TestMessages.Response(id, Zone, DnsRecordType.IXFR, [], code)]
            : [TestMessages.Response(id, Zone, DnsRecordType.AXFR, [Rr.Soa(Zone, 9), Rr.A("a.loop.test.", "192.0.2.1"), Rr.Soa(Zone, 9)])]));

        var result = await Client(master.Address).TransferIncrementalAsync(Zone, 5);

        Assert.Equal(TransferOutcome.Transferred, result.Outcome);
        Assert.Null(result.Deltas);
        Assert.Equal(2, result.Snapshot!.Records.Count);
        Assert.Contains(code.ToString(), result.Note, StringComparison.Ordinal);
        Assert.Equal(3, master.Requests.Count);
    }

    [Fact]
    public async Task TransferIncrementalAsync_WholeZoneAnswer_ReturnsSnapshot()
    {
        await using var master = new LoopbackDnsServer(request => Answer(request, 9, (type, id) =>
            [TestMessages.Response(id, Zone, DnsRecordType.IXFR, [Rr.Soa(Zone, 9), Rr.A("a.loop.test.", "192.0.2.1"), Rr.Soa(Zone, 9)])]));

        var result = await Client(master.Address).TransferIncrementalAsync(Zone, 5);

        Assert.Equal(9u, result.Snapshot!.Serial);
        Assert.Equal(["loop.test. 300 SOA ns1.loop.test. hostmaster.loop.test. 9 3600 600 86400 300", "a.loop.test. 300 A 192.0.2.1"], result.Snapshot.Records.Select(r => r.ToString()));
    }

    [Fact]
    public async Task TransferIncrementalAsync_SameSerial_UnchangedWithOneQuery()
    {
        await using var master = new LoopbackDnsServer(request => Answer(request, 5, (_, _) => throw new InvalidOperationException("no transfer expected")));

        var result = await Client(master.Address).TransferIncrementalAsync(Zone, 5);

        Assert.Equal(TransferOutcome.Unchanged, result.Outcome);
        Assert.Single(master.Requests);
    }
}

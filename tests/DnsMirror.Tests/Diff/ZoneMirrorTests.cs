using System.Buffers.Binary;
using DnsMirror.Diff;
using DnsMirror.Tests.Route53;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Wire;
using static DnsMirror.Tests.Support.Zones;

namespace DnsMirror.Tests.Diff;

/// <summary>The whole Route 53 sync against a scripted loopback master and the fake hosted zone.</summary>
public sealed class ZoneMirrorTests
{
    private static IReadOnlyList<byte[]> Master(byte[] request, uint serial)
    {
        var id = BinaryPrimitives.ReadUInt16BigEndian(request);
        var type = DnsMessageParser.Parse(request).Questions[0].Type;
        return type == DnsRecordType.SOA
            ? [TestMessages.Response(id, Origin, DnsRecordType.SOA, [Rr.Soa(Origin, serial)])]
            : [TestMessages.Response(id, Origin, DnsRecordType.AXFR, [Rr.Soa(Origin, serial), Rr.A("www.example.test.", "192.0.2.1"), Rr.Soa(Origin, serial)])];
    }

    private static ZoneTransferClient Client(string address) => new(new ZoneTransferOptions { Masters = DnsMaster.ParseList(address) });

    [Fact]
    public async Task SyncAsync_SerialMoved_TransfersAndApplies()
    {
        await using var server = new LoopbackDnsServer(request => Master(request, 8));
        var zone = new FakeHostedZone(Origin, Apex(serial: 7));

        var result = await ZoneMirror.SyncAsync(Client(server.Address), zone, knownSerial: 7, new MirrorOptions(), TextWriter.Null);

        Assert.Equal(TransferOutcome.Transferred, result.Transfer.Outcome);
        Assert.True(result.Sync!.Applied);
        Assert.Equal(["192.0.2.1"], zone.Find("www.example.test.", "A")!.Values);
        Assert.Contains(" 8 ", zone.Find(Origin, "SOA")!.Values[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncAsync_SlowListingAndSlowInSync_EachTimedInItsOwnPhase()
    {
        await using var server = new LoopbackDnsServer(request => Master(request, 8));
        var zone = new FakeHostedZone(Origin, Apex(serial: 7)) { ListDelay = TimeSpan.FromMilliseconds(250), InSyncDelay = TimeSpan.FromMilliseconds(100) };

        var timings = (await ZoneMirror.SyncAsync(Client(server.Address), zone, knownSerial: 7, new MirrorOptions(), TextWriter.Null)).Timings;

        // Lower bounds only (a loaded machine stretches every phase), less 10 ms for timers that fire a little
        // early; the listing is the longer wait, so a phase booked in the wrong slot fails the first check.
        Assert.True(timings.ListMs >= 240, timings.ToString());
        Assert.True(timings.ApplyMs >= 90, timings.ToString());
        Assert.True(timings.TransferMs > 0, timings.ToString());
    }

    [Fact]
    public async Task SyncAsync_ListingFails_PhasesDoneSoFarStayInTheTimingsGiven()
    {
        await using var server = new LoopbackDnsServer(request => Master(request, 8));
        var zone = new FakeHostedZone(Origin, Apex(serial: 7)) { ListDelay = TimeSpan.FromMilliseconds(50), ListFailure = new TimeoutException("listing cut") };
        var timings = new ZonePhaseTimings();

        await Assert.ThrowsAsync<TimeoutException>(() => ZoneMirror.SyncAsync(Client(server.Address), zone, knownSerial: 7, new MirrorOptions(), TextWriter.Null, timings));

        Assert.True(timings.TransferMs > 0, timings.ToString());
        Assert.Equal((0.0, 0.0), (timings.DiffMs, timings.ApplyMs));
        Assert.Empty(zone.Batches);
    }

    [Fact]
    public async Task SyncAsync_SerialUnchanged_OnlyAsksForTheSoa()
    {
        await using var server = new LoopbackDnsServer(request => Master(request, 8));
        var zone = new FakeHostedZone(Origin, Apex(serial: 8));

        var result = await ZoneMirror.SyncAsync(Client(server.Address), zone, knownSerial: 8, new MirrorOptions(), TextWriter.Null);

        Assert.Equal(TransferOutcome.Unchanged, result.Transfer.Outcome);
        Assert.Null(result.Sync);
        Assert.Single(server.Requests);
        Assert.Empty(zone.Batches);
    }

    [Fact]
    public async Task SyncAsync_DryRun_ChangesNothing()
    {
        await using var server = new LoopbackDnsServer(request => Master(request, 9));
        var zone = new FakeHostedZone(Origin, Apex(serial: 1));
        var log = new StringWriter();

        var result = await ZoneMirror.SyncAsync(Client(server.Address), zone, knownSerial: null, new MirrorOptions { DryRun = true }, log);

        Assert.False(result.Sync!.Applied);
        Assert.Empty(zone.Batches);
        Assert.Contains("CREATE www.example.test. A", log.ToString(), StringComparison.Ordinal);
    }
}

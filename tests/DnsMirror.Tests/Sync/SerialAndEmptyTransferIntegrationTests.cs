using System.Buffers.Binary;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;
using LambdaSuite.Data.DnsMirror;

namespace DnsMirror.Tests.Sync;

/// <summary>
/// The whole function against a scripted loopback master whose answers disagree with themselves (SOA query against
/// transfer) or whose transfer is empty, with state in DynamoDB Local and the in-memory hosted zone as target.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SerialAndEmptyTransferIntegrationTests : IAsyncLifetime
{
    private const string Zone = "example.test.";
    private MirrorHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await MirrorHarness.StartAsync();
        _harness.Route53.Add("www.example.test.", "A", 300, "192.0.2.1");
        _harness.Route53.Add("mail.example.test.", "A", 300, "192.0.2.2");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private static IReadOnlyList<byte[]> Master(byte[] request, uint soaSerial, uint transferSerial, params DnsResourceRecord[] records)
    {
        var id = BinaryPrimitives.ReadUInt16BigEndian(request);
        return DnsMessageParser.Parse(request).Questions[0].Type == DnsRecordType.SOA
            ? [TestMessages.Response(id, Zone, DnsRecordType.SOA, [Rr.Soa(Zone, soaSerial)])]
            : [TestMessages.Response(id, Zone, DnsRecordType.AXFR, [Rr.Soa(Zone, transferSerial), .. records, Rr.Soa(Zone, transferSerial)])];
    }

    private static object Settings(string master, bool force = false) =>
        new { Domain = "example.test", ZoneId = MirrorHarness.HostedZoneId, Masters = new[] { master }, MaxDeletePercent = 100, Force = force };

    private async Task SeedSerialAsync(uint serial) =>
        await _harness.Store.RecordRunAsync(new DnsMirrorZoneState { Zone = Zone, LastSerial = serial, Outcome = "Synced", LastRunAt = DateTimeOffset.UtcNow }, 0);

    [Fact]
    public async Task InvokeAsync_TransferOlderThanSoaAnswer_MasterBehindAndSerialKept()
    {
        await SeedSerialAsync(900);
        await using var master = new LoopbackDnsServer(request => Master(request, 2000, 1000, Rr.A("www.example.test.", "192.0.2.77")));

        var report = await MirrorHarness.RunZoneAsync(_harness.NewFunction(), Settings(master.Address));

        Assert.Equal("MasterBehind", report.GetProperty("Outcome").GetString());
        Assert.Contains("older than the 2000", report.GetProperty("Error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _harness.ChangePosts);
        Assert.Equal(["192.0.2.1"], _harness.Route53.Find("www.example.test.", "A")!.Value.Values);
        Assert.Equal(900u, (await _harness.Store.GetAsync(Zone))!.LastSerial);
    }

    [Fact]
    public async Task InvokeAsync_EmptyTransfer_OwnOutcomeNoSerialThenForceApplies()
    {
        await using var master = new LoopbackDnsServer(request => Master(request, 7, 7));

        var plain = await MirrorHarness.RunZoneAsync(_harness.NewFunction(), Settings(master.Address));
        var stateAfterPlain = await _harness.Store.GetAsync(Zone);
        var again = await MirrorHarness.RunZoneAsync(_harness.NewFunction(), Settings(master.Address));
        var postsBeforeForce = _harness.ChangePosts;
        var forced = await MirrorHarness.RunZoneAsync(_harness.NewFunction(), Settings(master.Address, force: true));

        Assert.Equal("EmptyTransfer", plain.GetProperty("Outcome").GetString());
        Assert.Contains("rerun with Force", plain.GetProperty("Error").GetString(), StringComparison.Ordinal);
        Assert.Equal(("EmptyTransfer", (uint?)null), (stateAfterPlain!.Outcome, stateAfterPlain.LastSerial));
        Assert.Equal("EmptyTransfer", again.GetProperty("Outcome").GetString());
        Assert.Equal(0, postsBeforeForce);
        Assert.Equal("Synced", forced.GetProperty("Outcome").GetString());
        Assert.Null(_harness.Route53.Find("www.example.test.", "A"));
        Assert.Contains(" 7 ", _harness.Route53.Find(Zone, "SOA")!.Value.Values[0], StringComparison.Ordinal);
        Assert.Equal(7u, (await _harness.Store.GetAsync(Zone))!.LastSerial);
    }
}

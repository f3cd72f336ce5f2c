using System.Diagnostics;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Transfer;

/// <summary>A master that never ends its transfer, or fills it with huge records, fails the transfer at its limits.</summary>
public sealed class ZoneTransferLimitTests
{
    private const string Zone = "loop.test.";

    private static ZoneTransferClient Client(string address, long? maxRecords = null, long? maxBytes = null) => new(new ZoneTransferOptions
    {
        Masters = DnsMaster.ParseList(address),
        AttemptTimeout = TimeSpan.FromSeconds(60),
        Deadline = TimeSpan.FromSeconds(60),
        MaxRecords = maxRecords ?? ZoneTransferOptions.DefaultMaxRecords,
        MaxBytes = maxBytes ?? ZoneTransferOptions.DefaultMaxBytes,
    });

    /// <summary>200 small A records per message, each at a new name, forever.</summary>
    private static byte[] SmallRecords(ushort id, long n) =>
        TestMessages.Response(id, Zone, DnsRecordType.AXFR, [.. Enumerable.Range(0, 200).Select(i => Rr.A($"h{n}-{i}.{Zone}", "192.0.2.1"))], withQuestion: false);

    /// <summary>Four TXT records of 16 strings of 255 octets each (16 KiB apiece) per message, forever.</summary>
    private static byte[] HugeRecords(ushort id, long n) =>
        TestMessages.Response(id, Zone, DnsRecordType.AXFR, [.. Enumerable.Range(0, 3).Select(i => Rr.Txt($"t{n}-{i}.{Zone}", [.. Enumerable.Repeat(new string('x', 255), 16)]))], withQuestion: false);

    [Fact]
    public async Task TransferAsync_EndlessTransferAtDefaultLimits_FailsAtTheRecordLimit()
    {
        await using var master = new EndlessDnsServer(Zone, 5, SmallRecords);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => Client(master.Address).TransferAsync(Zone));

        // The opening SOA, then 200 a message: the 1,000th message is the first past the limit.
        Assert.Contains("stopped at 200001 records, above the limit of 200000 (DNS_MIRROR_MAX_TRANSFER_RECORDS)", error.Message, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(45), watch.Elapsed.ToString());
        await Task.Delay(300);
        var sent = master.MessagesSent;
        await Task.Delay(300);
        Assert.Equal(sent, master.MessagesSent); // the connection was closed, not left streaming
    }

    [Fact]
    public async Task TransferAsync_HugeRecordsAtDefaultLimits_FailsAtTheByteLimit()
    {
        await using var master = new EndlessDnsServer(Zone, 5, HugeRecords);

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => Client(master.Address).TransferAsync(Zone));

        Assert.Contains($"above the limit of {32 * 1024 * 1024} bytes (DNS_MIRROR_MAX_TRANSFER_BYTES)", error.Message, StringComparison.Ordinal);
        Assert.Contains("transfer of loop.test. stopped at", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000, 1_000_000, "stopped at 1001 records")]
    [InlineData(1_000_000, 20_000, "bytes after")]
    public async Task TransferAsync_SmallLimits_StopWithinOneMessageOfThem(long maxRecords, long maxBytes, string expected)
    {
        await using var master = new EndlessDnsServer(Zone, 5, SmallRecords);

        var error = await Assert.ThrowsAsync<ZoneTransferException>(() => Client(master.Address, maxRecords, maxBytes).TransferAsync(Zone));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransferAsync_ZoneJustUnderTheLimits_Completes()
    {
        await using var server = new LoopbackDnsServer(request => [TestMessages.Response(System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(request), Zone, DnsRecordType.AXFR,
            [Rr.Soa(Zone, 3), .. Enumerable.Range(0, 8).Select(i => Rr.A($"h{i}.{Zone}", "192.0.2.1")), Rr.Soa(Zone, 3)])]);

        var zone = await Client(server.Address, maxRecords: 10).TransferAsync(Zone);

        Assert.Equal(9, zone.Records.Count);
    }
}

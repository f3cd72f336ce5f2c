using System.Buffers.Binary;
using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Tsig;
using DnsMirror.Wire;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LambdaSuite.TestKit.Mutation;

namespace DnsMirror.Tests.Transfer;

/// <summary>
/// Issue 19, "Also": a master on a loopback socket sends a valid AXFR (plain, or TSIG-signed with unsigned gaps)
/// with one of its messages damaged. The transfer either returns the zone or fails with one
/// <see cref="ZoneTransferException"/> naming the master; it never throws anything else, and it never runs into
/// its timeout, which here would mean a reader that loops.
/// </summary>
public sealed class ZoneTransferClientPropertyTests
{
    private const string Zone = "prop.test.";

    /// <summary>One to three steps, so that many damaged messages still parse and reach the transfer's own checks.</summary>
    private static Gen<(int, int, int)[]> Steps =>
        Gen.Choose(1, 3).SelectMany(count => Gen.Choose(0, ByteMutator.Kinds - 1).SelectMany(kind => Gen.Choose(0, int.MaxValue).SelectMany(position => Gen.Choose(0, int.MaxValue).Select(operand => (kind, position, operand))))
            .ArrayOf(count));

    private static Gen<(bool Signed, int Message, (int, int, int)[] Steps)> Cases =>
        Gen.Elements(false, true).SelectMany(signed => Gen.Choose(0, 2).SelectMany(message => Steps.Select(steps => (signed, message, steps))));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TransferAsync_UnmutatedStream_ReturnsEveryRecord(bool signed)
    {
        await using var server = new LoopbackDnsServer(request => Stream(request, signed));

        var snapshot = await Client(server.Address, signed).TransferAsync(Zone);

        Assert.Equal(5u, snapshot.Serial);
        Assert.Equal(7, snapshot.Records.Count);
    }

    [Property(MaxTest = 200)]
    public Property TransferAsync_OneMessageOfTheStreamMutated_ZoneOrZoneTransferExceptionWithoutTimeout() =>
        Prop.ForAll(Arb.From(Cases), input =>
        {
            var (signed, damaged, steps) = input;

            var outcome = Transfer(signed, damaged, steps).GetAwaiter().GetResult();

            return outcome;
        });

    private static async Task<bool> Transfer(bool signed, int damaged, (int, int, int)[] steps)
    {
        await using var server = new LoopbackDnsServer(request =>
        {
            var stream = Stream(request, signed);
            stream[damaged] = ByteMutator.Apply(stream[damaged], steps, stream[(damaged + 1) % stream.Count]);
            return stream;
        });
        var client = Client(server.Address, signed);

        try
        {
            var snapshot = await client.TransferAsync(Zone);
            return snapshot.Records.All(r => DomainNameText.IsAtOrBelow(r.Name, Zone));
        }
        catch (ZoneTransferException error)
        {
            return error.Failures.Count == 1
                && error.Failures[0] is ZoneTransferException failure
                && failure.Message.Contains(server.Address, StringComparison.Ordinal)
                && !failure.Message.Contains("timed out", StringComparison.Ordinal)
                && !failure.Message.Contains("deadline", StringComparison.Ordinal);
        }
    }

    private static ZoneTransferClient Client(string address, bool signed) => new(new ZoneTransferOptions
    {
        Masters = DnsMaster.ParseList(address),
        Key = signed ? TsigKey.Parse(TestTsig.KeyText) : null,
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Deadline = TimeSpan.FromSeconds(6),
    });

    /// <summary>Three messages: opening SOA with the first records, a middle part, the last records with the closing SOA.</summary>
    private static List<byte[]> Stream(byte[] request, bool signed)
    {
        var id = BinaryPrimitives.ReadUInt16BigEndian(request);
        List<byte[]> parts =
        [
            TestMessages.Response(id, Zone, DnsRecordType.AXFR, [Rr.Soa(Zone, 5), Rr.Name(Zone, DnsRecordType.NS, "ns1." + Zone), Rr.A("ns1." + Zone, "192.0.2.53")]),
            TestMessages.Response(id, Zone, DnsRecordType.AXFR, [Rr.Mx(Zone, 10, "mail." + Zone), Rr.Txt("t." + Zone, "hello"), Rr.Name("www." + Zone, DnsRecordType.CNAME, "ns1." + Zone)], withQuestion: false),
            TestMessages.Response(id, Zone, DnsRecordType.AXFR, [Rr.A("mail." + Zone, "192.0.2.25"), Rr.Soa(Zone, 5)], withQuestion: false),
        ];
        if (!signed)
        {
            return parts;
        }

        // RFC 8945 §5.3.1: the first and the last message signed, the middle one covered by the last MAC.
        var parsed = DnsMessageParser.Parse(request);
        TsigRecordData.TryParse(parsed.Tsig!.Data, out var tsig);
        var time = (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (first, mac) = TestTsig.Sign(parts[0], tsig!.Mac, first: true, time);
        var (last, _) = TestTsig.Sign(parts[2], mac, first: false, time, [parts[1]]);
        return [first, parts[1], last];
    }
}

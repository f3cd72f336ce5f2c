using System.Diagnostics;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LambdaSuite.TestKit.Mutation;

namespace DnsMirror.Tests.Wire;

/// <summary>
/// Issue 19, "Also": a DNS message damaged anywhere (bits flipped, octets inserted, deleted or cut, pieces of
/// another message spliced in, runs duplicated, counts, lengths and pointers set to extremes) is either read or
/// refused with a <see cref="DnsFormatException"/> inside the message, within a bounded time, and whatever it
/// reads can be formatted as master-file text.
/// </summary>
public sealed class DnsMessageParserPropertyTests
{
    private const string Zone = "prop.test.";

    /// <summary>A parse that takes this long is a loop (a valid one takes microseconds).</summary>
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(2);

    private static readonly byte[][] s_valid = [Compressed(), EveryType(), Signed()];

    /// <summary>One to three steps: enough damage to reach every check, little enough that many messages stay readable up to their last record.</summary>
    private static Gen<(int, int, int)[]> Steps =>
        Gen.Choose(1, 3).SelectMany(count => Gen.Choose(0, ByteMutator.Kinds - 1).SelectMany(kind => Gen.Choose(0, int.MaxValue).SelectMany(position => Gen.Choose(0, int.MaxValue).Select(operand => (kind, position, operand))))
            .ArrayOf(count));

    private static Gen<byte[]> Mutated =>
        Gen.Choose(0, s_valid.Length - 1).SelectMany(i => Gen.Choose(0, s_valid.Length - 1).SelectMany(donor => Steps.Select(steps => ByteMutator.Apply(s_valid[i], steps, s_valid[donor]))));

    [Fact]
    public void Parse_UnmutatedSeeds_ReadWithoutError()
    {
        var answers = s_valid.Select(seed => DnsMessageParser.Parse(seed).Answers.Count).ToArray();

        Assert.Equal([3, 14, 0], answers);
    }

    [Property(MaxTest = 600)]
    public Property Parse_RandomMutationsOfValidMessages_ReadOrDnsFormatExceptionWithinTheMessage() =>
        Prop.ForAll(Arb.From(Mutated), bytes => Bounded(() =>
        {
            try
            {
                var message = DnsMessageParser.Parse(bytes);
                foreach (var record in message.Answers.Concat(message.Authorities).Concat(message.Additionals))
                {
                    _ = RDataFormatter.Format(record.Type, record.Data);
                    _ = RDataFormatter.Format(record.Type, record.Data, lowercaseNames: true);
                }

                return message.Answers.Count == message.Header.AnswerCount
                    && message.Questions.Count == message.Header.QuestionCount;
            }
            catch (DnsFormatException error)
            {
                return error.Offset >= 0 && error.Offset <= bytes.Length && error.Length == bytes.Length && error.Message.Length > 0;
            }
        }));

    [Property(MaxTest = 400)]
    public Property Parse_IntoAnswerSink_SameOutcomeAsAlone() =>
        Prop.ForAll(Arb.From(Mutated), bytes => Bounded(() =>
        {
            var alone = Outcome(() => DnsMessageParser.Parse(bytes).Answers.Count);
            var sink = new List<DnsResourceRecord>();

            var intoSink = Outcome(() =>
            {
                DnsMessageParser.Parse(bytes, sink);
                return sink.Count;
            });

            return alone == intoSink;
        }));

    private static string Outcome(Func<int> parse)
    {
        try
        {
            return "read " + parse();
        }
        catch (DnsFormatException error)
        {
            return error.Message;
        }
    }

    /// <summary>Runs <paramref name="check"/> on a worker so a loop fails the case instead of hanging the run.</summary>
    private static bool Bounded(Func<bool> check)
    {
        var clock = Stopwatch.StartNew();
        var run = Task.Run(check);
        if (!run.Wait(s_bound))
        {
            throw new TimeoutException($"parsing did not end within {s_bound.TotalSeconds} s ({clock.ElapsedMilliseconds} ms)");
        }

        return run.Result;
    }

    /// <summary>A SOA answer whose owners and RDATA names are compression pointers, as BIND writes them.</summary>
    private static byte[] Compressed()
    {
        var writer = new DnsWireWriter();
        writer.WriteHeader(new DnsHeader(0x4242, 0x8400, 1, 3, 0, 0));
        writer.WriteName(Zone); // 12: the zone, the target of every pointer below
        writer.WriteUInt16((ushort)DnsRecordType.AXFR);
        writer.WriteUInt16(DnsClass.Internet);
        writer.WriteBytes([0xC0, 0x0C]); // SOA owner: pointer to the zone
        writer.WriteUInt16((ushort)DnsRecordType.SOA);
        writer.WriteUInt16(DnsClass.Internet);
        writer.WriteUInt32(300);
        writer.WriteUInt16(2 + 2 + 2 + 2 + 20);
        writer.WriteBytes([0x01, (byte)'n', 0xC0, 0x0C]); // MNAME n.<zone>
        writer.WriteBytes([0x01, (byte)'h', 0xC0, 0x0C]); // RNAME h.<zone>
        writer.WriteUInt32(7);
        writer.WriteUInt32(3600);
        writer.WriteUInt32(600);
        writer.WriteUInt32(86400);
        writer.WriteUInt32(300);
        var www = writer.Length;
        writer.WriteBytes([0x03, (byte)'w', (byte)'w', (byte)'w', 0xC0, 0x0C]);
        writer.WriteUInt16((ushort)DnsRecordType.A);
        writer.WriteUInt16(DnsClass.Internet);
        writer.WriteUInt32(300);
        writer.WriteUInt16(4);
        writer.WriteBytes([192, 0, 2, 1]);
        writer.WriteBytes([0x03, (byte)'f', (byte)'t', (byte)'p', 0xC0, 0x0C]);
        writer.WriteUInt16((ushort)DnsRecordType.CNAME);
        writer.WriteUInt16(DnsClass.Internet);
        writer.WriteUInt32(300);
        writer.WriteUInt16(2);
        writer.WriteBytes([(byte)(0xC0 | (www >> 8)), (byte)www]); // pointer to www.<zone>
        return writer.ToArray();
    }

    /// <summary>One record of every type whose RDATA the decoder checks or the formatter renders.</summary>
    private static byte[] EveryType() => TestMessages.Response(7, Zone, DnsRecordType.AXFR,
    [
        Rr.Soa(Zone, 11),
        Rr.A("a." + Zone, "192.0.2.7"),
        Rr.Raw("v6." + Zone, DnsRecordType.AAAA, [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        Rr.Name(Zone, DnsRecordType.NS, "ns1." + Zone),
        Rr.Name("alias." + Zone, DnsRecordType.CNAME, "a." + Zone),
        Rr.Name("sub." + Zone, DnsRecordType.DNAME, "other.test."),
        Rr.Mx(Zone, 10, "mail." + Zone),
        Rr.Txt("t." + Zone, "v=spf1 -all", "quote \" and \\ and \u00e9"),
        new DnsResourceRecord("_sip._tcp." + Zone, DnsRecordType.SRV, DnsClass.Internet, 300, Rr.Wire(w =>
        {
            w.WriteUInt16(10);
            w.WriteUInt16(5);
            w.WriteUInt16(5060);
            w.WriteName("sip." + Zone);
        })),
        new DnsResourceRecord("n." + Zone, DnsRecordType.NAPTR, DnsClass.Internet, 300, Rr.Wire(w =>
        {
            w.WriteUInt16(100);
            w.WriteUInt16(10);
            w.WriteBytes([1, (byte)'U', 7, .. "E2U+sip"u8, 0]);
            w.WriteName(".");
        })),
        Rr.Raw("c." + Zone, DnsRecordType.CAA, [0, 5, .. "issue"u8, .. "ca.example"u8]),
        Rr.Raw("_443._tcp." + Zone, DnsRecordType.TLSA, [3, 1, 1, 0xAB, 0xCD]),
        new DnsResourceRecord("svc." + Zone, DnsRecordType.HTTPS, DnsClass.Internet, 300, Rr.Wire(w =>
        {
            w.WriteUInt16(1);
            w.WriteName(".");
            w.WriteUInt16(1); // alpn
            w.WriteUInt16(3);
            w.WriteBytes([2, (byte)'h', (byte)'2']);
            w.WriteUInt16(3); // port
            w.WriteUInt16(2);
            w.WriteUInt16(8443);
        })),
        Rr.Raw("u." + Zone, (DnsRecordType)65280, [1, 2, 3]),
    ]);

    /// <summary>A TSIG-signed request: the TSIG RR is last in the additional section.</summary>
    private static byte[] Signed() =>
        DnsMirror.Tsig.TsigSigner.Sign(DnsQueryBuilder.Build(9, Zone, DnsRecordType.AXFR), DnsMirror.Tsig.TsigKey.Parse(TestTsig.KeyText), DateTimeOffset.UnixEpoch.AddSeconds(1_767_225_600)).Message;
}

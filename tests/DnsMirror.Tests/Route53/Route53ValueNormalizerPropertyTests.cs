using System.Diagnostics;
using System.Text;
using DnsMirror.Route53;
using DnsMirror.Tests.Support;
using DnsMirror.Wire;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LambdaSuite.TestKit.Mutation;

namespace DnsMirror.Tests.Route53;

/// <summary>
/// Issue 19, "Also": the text parsers that read what Route 53 answers (values and names of a hosted zone anyone with
/// write access may have filled). Values and names written the way Route 53 writes them normalise to the key the
/// wire formatter gives the same RDATA; damaged text (escapes, quotes, blanks, non-ASCII spliced in, characters
/// flipped, cut) only ever makes the Try methods answer false, within a bounded time.
/// </summary>
public sealed class Route53ValueNormalizerPropertyTests
{
    private const string Zone = "prop.test.";

    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(2);

    private static readonly byte[] s_hostile = Encoding.UTF8.GetBytes("\\\"\\0\\999\\377\\.() ;\t\n\u00e9\u200b.*@#0123456789abcdef:");

    private static readonly DnsResourceRecord[] s_records =
    [
        Rr.Soa(Zone, 11),
        Rr.A("a." + Zone, "192.0.2.7"),
        Rr.Raw("v6." + Zone, DnsRecordType.AAAA, [0x20, 0x01, 0x0D, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        Rr.Name(Zone, DnsRecordType.NS, "ns1." + Zone),
        Rr.Name("alias." + Zone, DnsRecordType.CNAME, "Mixed-Case.Example."),
        Rr.Name("p." + Zone, DnsRecordType.PTR, "we\\.ird\\032name." + Zone),
        Rr.Mx(Zone, 10, "mail." + Zone),
        Rr.Txt("t." + Zone, "v=spf1 -all", "quote \" and \\ and \u00e9"),
        new DnsResourceRecord("_sip._tcp." + Zone, DnsRecordType.SRV, DnsClass.Internet, 300, Rr.Wire(w =>
        {
            w.WriteUInt16(10);
            w.WriteUInt16(5);
            w.WriteUInt16(5060);
            w.WriteName("sip." + Zone);
        })),
        Rr.Raw("c." + Zone, DnsRecordType.CAA, [0, 5, .. "issue"u8, .. "ca.example"u8]),
    ];

    private static Gen<(int, int, int)[]> Steps =>
        Gen.Choose(0, ByteMutator.Kinds - 1).SelectMany(kind => Gen.Choose(0, int.MaxValue).SelectMany(position => Gen.Choose(0, int.MaxValue).Select(operand => (kind, position, operand))))
            .NonEmptyListOf().Select(steps => steps.Take(6).ToArray());

    [Fact]
    public void TryNormalize_ValuesAsRoute53WritesThem_GiveTheWireFormattersKey()
    {
        var mismatches = s_records
            .Select(r => (r.Type, Value: Route53Value(r), Expected: RDataFormatter.Format(r.Type, r.Data, lowercaseNames: true)))
            .Where(c => !Route53ValueNormalizer.TryNormalize(c.Type, c.Value, out var key) || key != c.Expected)
            .Select(c => $"{c.Type} {c.Value}");

        Assert.Empty(mismatches);
    }

    [Property(MaxTest = 800)]
    public Property TryNormalize_MutatedRoute53Values_AnswerWithoutThrowing() =>
        Prop.ForAll(Arb.From(Gen.Elements(s_records).SelectMany(record => Steps.Select(steps => (record.Type, Value: Mutate(Route53Value(record), steps))))), input => Bounded(() =>
        {
            var ok = Route53ValueNormalizer.TryNormalize(input.Type, input.Value, out var key);

            return !ok || key.Length > 0;
        }));

    [Property(MaxTest = 800)]
    public Property TryNameToKey_MutatedRoute53Names_AbsoluteKeyOrFalse() =>
        Prop.ForAll(Arb.From(Gen.Elements(s_records).SelectMany(record => Steps.Select(steps => Mutate(Route53Text.NameFromPresentation(record.Name), steps)))), name => Bounded(() =>
        {
            var ok = Route53Text.TryNameToKey(name, out var key);

            return !ok || key.EndsWith('.');
        }));

    private static string Route53Value(DnsResourceRecord record) => Route53Text.ValueFromPresentation(RDataFormatter.Format(record.Type, record.Data));

    /// <summary>Mutates the UTF-8 text, splicing in escapes and separators; bytes left invalid read as U+FFFD, as a lenient decoder would.</summary>
    private static string Mutate(string text, (int, int, int)[] steps) => Encoding.UTF8.GetString(ByteMutator.Apply(Encoding.UTF8.GetBytes(text), steps, s_hostile));

    private static bool Bounded(Func<bool> check)
    {
        var clock = Stopwatch.StartNew();
        var run = Task.Run(check);
        if (!run.Wait(s_bound))
        {
            throw new TimeoutException($"normalising did not end within {s_bound.TotalSeconds} s ({clock.ElapsedMilliseconds} ms)");
        }

        return run.Result;
    }
}

using DnsMirror.Tests.Support;
using DnsMirror.Tsig;
using DnsMirror.Wire;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LambdaSuite.TestKit.Mutation;

namespace DnsMirror.Tests.Tsig;

/// <summary>
/// Issue 19, "Also": a master controls every octet of a response's TSIG RDATA. Damaged RDATA only makes
/// <see cref="TsigRecordData.TryParse"/> answer false, and what it does read holds no more octets than it was given.
/// </summary>
public sealed class TsigRecordDataPropertyTests
{
    private static readonly byte[] s_rdata = DnsMessageParser.Parse(
        TsigSigner.Sign(DnsQueryBuilder.Build(9, "prop.test.", DnsRecordType.AXFR), TsigKey.Parse(TestTsig.KeyText), DateTimeOffset.UnixEpoch.AddSeconds(1_767_225_600)).Message).Tsig!.Data;

    private static Gen<(int, int, int)[]> Steps =>
        Gen.Choose(1, 3).SelectMany(count => Gen.Choose(0, ByteMutator.Kinds - 1).SelectMany(kind => Gen.Choose(0, int.MaxValue).SelectMany(position => Gen.Choose(0, int.MaxValue).Select(operand => (kind, position, operand))))
            .ArrayOf(count));

    [Fact]
    public void TryParse_SignersRData_ReadsAlgorithmAndMac()
    {
        var ok = TsigRecordData.TryParse(s_rdata, out var data);

        Assert.True(ok);
        Assert.Equal("hmac-sha256.", data!.Algorithm);
        Assert.Equal(32, data.Mac.Length);
    }

    [Property(MaxTest = 1000)]
    public Property TryParse_MutatedRData_AnswersWithoutThrowing() =>
        Prop.ForAll(Arb.From(Steps.Select(steps => ByteMutator.Apply(s_rdata, steps, s_rdata))), rdata =>
        {
            var ok = TsigRecordData.TryParse(rdata, out var data);

            return ok ? data is not null && data.Mac.Length + data.OtherData.Length <= rdata.Length : data is null;
        });
}

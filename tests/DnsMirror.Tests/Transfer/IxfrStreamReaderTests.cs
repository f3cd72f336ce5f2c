using DnsMirror.Tests.Support;
using DnsMirror.Transfer;
using DnsMirror.Wire;

namespace DnsMirror.Tests.Transfer;

/// <summary>The IXFR answer forms of RFC 1995 §4, fed as the records of one or several messages.</summary>
public sealed class IxfrStreamReaderTests
{
    private const string Zone = "ix.test.";

    private static IxfrStreamReader Feed(uint known, params DnsResourceRecord[][] messages)
    {
        var reader = new IxfrStreamReader(Zone, known);
        var records = new List<DnsResourceRecord>();
        foreach (var message in messages)
        {
            var before = records.Count;
            records.AddRange(message);
            reader.Consume(records, before);
            reader.EndMessage(records.Count);
        }

        return reader;
    }

    [Fact]
    public void Consume_SeveralDeltasAcrossMessages_SplitsEachDelta()
    {
        var records = new List<DnsResourceRecord>
        {
            Rr.Soa(Zone, 3),
            Rr.Soa(Zone, 1), Rr.A("a.ix.test.", "192.0.2.1"), Rr.Soa(Zone, 2), Rr.A("a.ix.test.", "192.0.2.2"),
            Rr.Soa(Zone, 2), Rr.Soa(Zone, 3), Rr.A("b.ix.test.", "192.0.2.3"), Rr.A("out.other.test.", "192.0.2.9"),
            Rr.Soa(Zone, 3),
        };
        var reader = new IxfrStreamReader(Zone, 1);

        reader.Consume(records.GetRange(0, 4), 0);
        reader.EndMessage(4);
        var doneAfterFirst = reader.IsComplete;
        reader.Consume(records, 4);
        reader.EndMessage(records.Count);
        var deltas = reader.Deltas(records);

        Assert.False(doneAfterFirst);
        Assert.True(reader.IsComplete);
        Assert.False(reader.IsFull);
        Assert.Equal([(1u, 2u), (2u, 3u)], deltas.Select(d => (d.FromSerial, d.ToSerial)));
        Assert.Equal(["a.ix.test. 300 A 192.0.2.1"], deltas[0].Deleted.Select(r => r.ToString()));
        Assert.Equal(["a.ix.test. 300 A 192.0.2.2"], deltas[0].Added.Select(r => r.ToString()));
        Assert.Empty(deltas[1].Deleted);
        Assert.Equal(["b.ix.test. 300 A 192.0.2.3"], deltas[1].Added.Select(r => r.ToString()));
    }

    [Fact]
    public void Consume_CondensedDeltaWithoutAdditions_Completes()
    {
        var reader = Feed(7, [Rr.Soa(Zone, 9), Rr.Soa(Zone, 7), Rr.A("a.ix.test.", "192.0.2.1"), Rr.Soa(Zone, 9), Rr.Soa(Zone, 9)]);

        Assert.True(reader.IsComplete);
        Assert.Equal(9u, reader.Serial);
    }

    [Fact]
    public void Consume_WholeZoneAnswer_IsFull()
    {
        var reader = Feed(1, [Rr.Soa(Zone, 5), Rr.Name(Zone, DnsRecordType.NS, "ns1.ix.test.")], [Rr.A("a.ix.test.", "192.0.2.1"), Rr.Soa(Zone, 5)]);

        Assert.True(reader.IsComplete);
        Assert.True(reader.IsFull);
    }

    [Fact]
    public void EndMessage_LoneSoaNotNewer_IsUpToDate()
    {
        var reader = Feed(5, [Rr.Soa(Zone, 5)]);

        Assert.True(reader.IsUpToDate);
        Assert.True(reader.IsComplete);
    }

    [Fact]
    public void EndMessage_LoneSoaNewer_WaitsForMore()
    {
        var reader = Feed(4, [Rr.Soa(Zone, 5)]);

        Assert.False(reader.IsComplete);
    }

    [Fact]
    public void Consume_BrokenChain_Throws()
    {
        var reader = new IxfrStreamReader(Zone, 1);
        List<DnsResourceRecord> records = [Rr.Soa(Zone, 4), Rr.Soa(Zone, 1), Rr.Soa(Zone, 2), Rr.Soa(Zone, 3), Rr.Soa(Zone, 4)];

        var error = Assert.Throws<ZoneTransferException>(() => reader.Consume(records, 0));

        Assert.Contains("starts at serial 3 where the previous one ended at 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Consume_RecordsAfterClosingSoa_Throws()
    {
        var reader = new IxfrStreamReader(Zone, 1);
        List<DnsResourceRecord> records = [Rr.Soa(Zone, 2), Rr.A("a.ix.test.", "192.0.2.1"), Rr.Soa(Zone, 2), Rr.A("b.ix.test.", "192.0.2.2")];

        Assert.Throws<ZoneTransferException>(() => reader.Consume(records, 0));
    }

    [Fact]
    public void Consume_FirstRecordNotSoa_Throws()
    {
        var reader = new IxfrStreamReader(Zone, 1);

        Assert.Throws<ZoneTransferException>(() => reader.Consume([Rr.A("a.ix.test.", "192.0.2.1")], 0));
    }
}

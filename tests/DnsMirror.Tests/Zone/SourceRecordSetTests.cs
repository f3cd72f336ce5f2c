using DnsMirror.Tests.Support;
using DnsMirror.Wire;
using DnsMirror.Zone;

namespace DnsMirror.Tests.Zone;

public sealed class SourceRecordSetTests
{
    [Fact]
    public void Values_BuiltOnFirstUse_FirstSeenOrderWithoutDuplicates()
    {
        var set = new SourceRecordSet(Rr.Mx("mx.example.test.", 20, "B.example.test."));
        set.Add(Rr.Mx("mx.example.test.", 10, "a.example.test."));
        set.Add(Rr.Mx("mx.example.test.", 20, "b.example.test."));
        set.Add(Rr.Mx("mx.example.test.", 10, "a.example.test."));

        Assert.Equal(2, set.Count);
        Assert.Equal(["20 B.example.test.", "10 a.example.test."], set.Values);
        Assert.Equal(["20 b.example.test.", "10 a.example.test."], set.Keys);
        Assert.Equal("10 a.example.test.", set.ValueAt(1));
        Assert.Equal("20 b.example.test.", set.KeyAt(0));
        Assert.Equal(["20 B.example.test.", "10 a.example.test."], set.Records.Select(r => RDataFormatter.Format(r.Type, r.Data)));
    }

    [Fact]
    public void Add_AfterValuesWereRead_StillCountsAndDeduplicates()
    {
        var set = new SourceRecordSet(Rr.A("rr.example.test.", "192.0.2.1"));
        Assert.Equal(["192.0.2.1"], set.Values);

        set.Add(Rr.A("rr.example.test.", "192.0.2.2"));
        set.Add(Rr.A("rr.example.test.", "192.0.2.1"));

        Assert.Equal(2, set.Count);
        Assert.Equal(["192.0.2.1", "192.0.2.2"], set.Values);
    }

    [Fact]
    public void Values_EscapesInRoute53Form_KeysInPresentationForm()
    {
        var set = new SourceRecordSet(Rr.Txt("t.example.test.", "a\nb"));

        Assert.Equal(1, set.Count);
        Assert.Equal("\"a\\012b\"", set.ValueAt(0));
        Assert.Equal("\"a\\010b\"", set.KeyAt(0));
    }

    [Fact]
    public void NameTypeAndTtl_FromTheFirstRr()
    {
        var set = new SourceRecordSet(Rr.A("Host.example.test.", "192.0.2.1", ttl: 60));
        set.Add(Rr.A("host.example.test.", "192.0.2.2", ttl: 300));

        Assert.Equal("Host.example.test.", set.Name);
        Assert.Equal(DnsRecordType.A, set.Type);
        Assert.Equal(60u, set.Ttl);
    }
}

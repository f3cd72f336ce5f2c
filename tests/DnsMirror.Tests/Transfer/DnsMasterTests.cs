using DnsMirror.Transfer;

namespace DnsMirror.Tests.Transfer;

public sealed class DnsMasterTests
{
    [Fact]
    public void ParseList_MixedForms_KeepsOrderAndPorts()
    {
        var masters = DnsMaster.ParseList("192.0.2.1:5353, ns2.example.test [2001:db8::1]:54");

        Assert.Equal([new DnsMaster("192.0.2.1", 5353), new DnsMaster("ns2.example.test", 53), new DnsMaster("2001:db8::1", 54)], masters);
    }

    [Theory]
    [InlineData("host:0")]
    [InlineData("host:99999")]
    [InlineData("[::1")]
    [InlineData(":53")]
    public void Parse_BadText_ThrowsFormatException(string text)
    {
        Action act = () => DnsMaster.Parse(text);

        Assert.Throws<FormatException>(act);
    }
}

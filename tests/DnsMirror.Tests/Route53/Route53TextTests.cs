using DnsMirror.Route53;

namespace DnsMirror.Tests.Route53;

public sealed class Route53TextTests
{
    [Theory]
    [InlineData("www.example.test.", "www.example.test.")]
    [InlineData("_sip._tcp.svc-1.example.test.", "_sip._tcp.svc-1.example.test.")]
    [InlineData("WWW.Example.Test.", "www.example.test.")]
    [InlineData("www.example.test", "www.example.test.")]
    [InlineData("\\052.example.test.", "*.example.test.")]
    [InlineData("a\\056b.example.test.", "a\\.b.example.test.")]
    [InlineData(".", ".")]
    public void TryNameToKey_Route53Spelling_CanonicalText(string route53Name, string expected)
    {
        Assert.True(Route53Text.TryNameToKey(route53Name, out var key));
        Assert.Equal(expected, key);
    }

    [Fact]
    public void TryNameToKey_LabelOf63_AcceptedAndOf64_Refused()
    {
        var longest = new string('a', 63) + ".example.test.";

        Assert.True(Route53Text.TryNameToKey(longest, out var key));
        Assert.Equal(longest, key);
        Assert.False(Route53Text.TryNameToKey("a" + longest, out _));
    }

    [Theory]
    [InlineData("a..example.test.")]
    [InlineData(".example.test.")]
    public void TryNameToKey_EmptyLabel_Refused(string route53Name)
    {
        Assert.False(Route53Text.TryNameToKey(route53Name, out _));
    }
}

using DnsMirror.Wire;

namespace DnsMirror.Tests.Wire;

public sealed class DomainNameTextTests
{
    public static TheoryData<string, string> RoundTrips => new()
    {
        { "www.example.test.", "www.example.test." },
        { "WWW.Example.Test", "WWW.Example.Test." },
        { "*.example.test.", "*.example.test." },
        { "a\\.b.example.", "a\\.b.example." },
        { "sp\\032ace.example.", "sp\\032ace.example." },
        { ".", "." },
        { "25.2.0.192.in-addr.arpa.", "25.2.0.192.in-addr.arpa." },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void TryParse_ThenFormat_GivesCanonicalText(string text, string expected)
    {
        Span<byte> wire = stackalloc byte[255];

        var ok = DomainNameText.TryParse(text, wire, out var written);

        Assert.True(ok);
        Assert.Equal(expected, DomainNameText.Format(wire[..written]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a..b.")]
    [InlineData("bad\\9")]
    [InlineData("bad\\300.")]
    public void TryParse_BadText_ReturnsFalse(string text)
    {
        Span<byte> wire = stackalloc byte[255];

        var ok = DomainNameText.TryParse(text, wire, out _);

        Assert.False(ok);
    }

    [Fact]
    public void TryParse_LabelOf64Octets_ReturnsFalse()
    {
        Span<byte> wire = stackalloc byte[255];

        var ok = DomainNameText.TryParse(new string('a', 64) + ".test.", wire, out _);

        Assert.False(ok);
    }

    [Fact]
    public void TryNormalize_Route53OctalWildcard_ReadsAsStar()
    {
        var ok = DomainNameText.TryNormalize("\\052.Example.Test.", NameEscapeStyle.Octal, lowercase: true, out var name);

        Assert.True(ok);
        Assert.Equal("*.example.test.", name);
    }

    [Fact]
    public void Format_OctalStyle_EscapesLikeRoute53()
    {
        Span<byte> wire = stackalloc byte[255];
        DomainNameText.TryParse("*.A\\@b.example.", wire, out var written);

        var text = DomainNameText.Format(wire[..written], lowercase: false, NameEscapeStyle.Octal);

        Assert.Equal("*.a\\100b.example.", text);
    }

    [Theory]
    [InlineData("www.example.test.", "example.test.", true)]
    [InlineData("EXAMPLE.test.", "example.test.", true)]
    [InlineData("badexample.test.", "example.test.", false)]
    [InlineData("a\\.example.test.", "example.test.", false)]
    public void IsAtOrBelow_Names_ComparesByLabels(string name, string zone, bool expected)
    {
        var result = DomainNameText.IsAtOrBelow(name, zone);

        Assert.Equal(expected, result);
    }
}

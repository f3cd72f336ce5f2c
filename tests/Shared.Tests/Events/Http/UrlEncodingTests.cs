using LambdaSuite.Events.Http;

namespace Shared.Tests.Events.Http;

public class UrlEncodingTests
{
    [Theory]
    [InlineData("a%20b", "a b")]
    [InlineData("a+b", "a+b")]
    [InlineData("caf%C3%A9", "café")]
    [InlineData("100%", "100%")]
    [InlineData("%zz", "%zz")]
    public void DecodePathSegment_Input_DecodesPercentOnly(string input, string expected)
    {
        var decoded = UrlEncoding.DecodePathSegment(input);

        Assert.Equal(expected, decoded);
    }

    [Fact]
    public void SplitPath_EncodedSlash_StaysInsideSegment()
    {
        var segments = UrlEncoding.SplitPath("//a%2Fb/c//");

        Assert.Equal(["a/b", "c"], segments);
    }

    [Fact]
    public void ParseQueryString_RepeatedAndEncoded_KeepsAllValuesDecoded()
    {
        var query = UrlEncoding.ParseQueryString("?x=1&x=%32&y=a+b%2Bc&&z");

        Assert.Equal(["1", "2"], query.GetValues("x"));
        Assert.Equal("a b+c", query["y"]);
        Assert.Equal("", query["z"]);
        Assert.Equal(3, query.Count);
    }

    [Fact]
    public void Encode_ReservedCharacters_ArePercentEncoded()
    {
        var encoded = UrlEncoding.Encode("a b/c&é");

        Assert.Equal("a%20b%2Fc%26%C3%A9", encoded);
    }
}

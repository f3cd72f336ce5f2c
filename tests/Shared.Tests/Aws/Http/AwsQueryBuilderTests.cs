using System.Text;
using LambdaSuite.Aws.Http;

namespace Shared.Tests.Aws.Http;

public sealed class AwsQueryBuilderTests
{
    public static TheoryData<string> Values => new()
    {
        "",
        "plain-Value_1.2~",
        "{\"id\":1,\"text\":\"a b+c/d?e=f&g\"}",
        "müller ÿ € 中文 😀 tab\tnew\nline",
        "100% \\ ' ! * ( ) [ ] @ # $ , ;",
        "lone \ud800 high and \udc00 low surrogate",
        new string('x', 5000) + "é",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void ToBytes_AnyValue_EqualsTheEncodedFormString(string value)
    {
        var query = new AwsQueryBuilder("PublishBatch", "2010-03-31").Add("PublishBatchRequestEntries.member.1.Message", value).Add("Name With Space", value);

        var bytes = query.ToBytes();

        Assert.Equal(Encoding.UTF8.GetBytes(query.ToFormString()), bytes);
    }

    [Fact]
    public void ToBytes_ReservedAndNonAscii_AreEscapedInUpperCaseUtf8()
    {
        var query = new AwsQueryBuilder("A", "1").Add("m", "a b/é😀");

        var text = Encoding.ASCII.GetString(query.ToBytes());

        Assert.Equal("Action=A&Version=1&m=a%20b%2F%C3%A9%F0%9F%98%80", text);
    }
}

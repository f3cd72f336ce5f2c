using System.Buffers;
using LambdaSuite.Aws.Http;

namespace Shared.Tests.Aws.Signing;

/// <summary>The in-house SigV4 computation against the worked examples AWS publishes (IAM user guide, SigV4 test suite).</summary>
public class AwsSigV4Tests
{
    private const string ExampleSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    [Fact]
    public void DeriveKey_AwsDocumentedExample_EqualsDocumentedKey()
    {
        var key = AwsSigV4.DeriveKey(ExampleSecret, "20150830", "us-east-1", "iam");

        Assert.Equal("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9", Convert.ToHexStringLower(key));
    }

    [Fact]
    public void Signature_AwsDocumentedListUsersRequest_EqualsDocumentedSignature()
    {
        KeyValuePair<string, string>[] headers =
        [
            new("content-type", "application/x-www-form-urlencoded; charset=utf-8"),
            new("host", "iam.amazonaws.com"),
            new("x-amz-date", "20150830T123600Z"),
        ];
        var canonical = new ArrayBufferWriter<byte>();

        AwsSigV4.WriteCanonicalRequest(canonical, "GET", new Uri("https://iam.amazonaws.com/?Version=2010-05-08&Action=ListUsers"), headers, "content-type;host;x-amz-date", AwsSigV4.EmptyPayloadHash);
        var signature = AwsSigV4.Signature(AwsSigV4.DeriveKey(ExampleSecret, "20150830", "us-east-1", "iam"), "20150830T123600Z", AwsSigV4.Scope("20150830", "us-east-1", "iam"), canonical.WrittenSpan);

        Assert.Equal("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(canonical.WrittenSpan)));
        Assert.Equal("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", signature);
    }

    [Fact]
    public void Signature_TestSuiteGetVanilla_EqualsPublishedSignature()
    {
        KeyValuePair<string, string>[] headers = [new("host", "example.amazonaws.com"), new("x-amz-date", "20150830T123600Z")];
        var canonical = new ArrayBufferWriter<byte>();

        AwsSigV4.WriteCanonicalRequest(canonical, "GET", new Uri("https://example.amazonaws.com/"), headers, "host;x-amz-date", AwsSigV4.EmptyPayloadHash);
        var signature = AwsSigV4.Signature(AwsSigV4.DeriveKey(ExampleSecret, "20150830", "us-east-1", "service"), "20150830T123600Z", AwsSigV4.Scope("20150830", "us-east-1", "service"), canonical.WrittenSpan);

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", signature);
    }

    [Theory]
    [InlineData("https://h/topics/sensors/room%201/temp?qos=1", "/topics/sensors/room%25201/temp\nqos=1\n")]
    [InlineData("https://h/2015-03-31/functions/arn%3Aaws%3Alambda/invocations?Qualifier=live&a=b%20c", "/2015-03-31/functions/arn%253Aaws%253Alambda/invocations\nQualifier=live&a=b%20c\n")]
    [InlineData("https://h/?b=2&a=1&a=0", "/\na=0&a=1&b=2\n")]
    public void WriteCanonicalRequest_EncodedPathAndQuery_PathEncodedTwiceQuerySorted(string uri, string expectedUriAndQuery)
    {
        var canonical = new ArrayBufferWriter<byte>();

        AwsSigV4.WriteCanonicalRequest(canonical, "POST", new Uri(uri), [new("host", "h")], "host", AwsSigV4.EmptyPayloadHash);

        Assert.StartsWith("POST\n" + expectedUriAndQuery + "host:h\n", System.Text.Encoding.UTF8.GetString(canonical.WrittenSpan), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  a   b  c ", "a b c")]
    [InlineData("application/x-amz-json-1.0", "application/x-amz-json-1.0")]
    public void CanonicalHeaderValue_Spaces_TrimmedAndCollapsed(string value, string expected)
    {
        var canonical = AwsSigV4.CanonicalHeaderValue(value);

        Assert.Equal(expected, canonical);
    }
}

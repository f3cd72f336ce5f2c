using System.Globalization;
using System.Text;
using LambdaSuite.Harness.Signing;

namespace Shared.Tests.Aws.Signing;

/// <summary>
/// Checks the stub's independent verifier against the worked example in AWS's SigV4 documentation (IAM ListUsers,
/// 2015-08-30T12:36:00Z, the documentation's example key), so the stub can be trusted to judge the SDK's signatures.
/// </summary>
public class SigV4VerifierTests
{
    private const string ExampleAccessKey = "AKIDEXAMPLE";
    private const string ExampleSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private const string ExampleSignature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    private static readonly DateTimeOffset s_exampleTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Fact]
    public void CanonicalRequest_DocumentationExample_HashesToDocumentedValue()
    {
        var headers = ExampleHeaders();

        var canonical = SigV4Verifier.CanonicalRequest("GET", "/", "Action=ListUsers&Version=2010-05-08", ["content-type", "host", "x-amz-date"], name => headers[name], EmptyPayloadHash);

        Assert.Equal("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59", SigV4Verifier.Hex(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
    }

    [Fact]
    public void SigningKey_DocumentationExample_MatchesDocumentedKey()
    {
        var key = SigV4Verifier.SigningKey(ExampleSecret, "20150830", "us-east-1", "iam");

        Assert.Equal("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9", SigV4Verifier.Hex(key));
    }

    [Fact]
    public void Verify_DocumentationExampleRequest_IsValid()
    {
        var headers = ExampleHeaders();
        headers["Authorization"] = $"AWS4-HMAC-SHA256 Credential={ExampleAccessKey}/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={ExampleSignature}";

        var check = SigV4Verifier.Verify("GET", "/?Action=ListUsers&Version=2010-05-08", headers, [], SecretFor, s_exampleTime);

        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(("us-east-1", "iam"), (check.Region, check.Service));
    }

    [Fact]
    public void Verify_DocumentationExampleWithChangedQuery_IsRejected()
    {
        var headers = ExampleHeaders();
        headers["Authorization"] = $"AWS4-HMAC-SHA256 Credential={ExampleAccessKey}/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={ExampleSignature}";

        var check = SigV4Verifier.Verify("GET", "/?Action=ListUsers&Version=2010-05-09", headers, [], SecretFor, s_exampleTime);

        Assert.False(check.IsValid);
        Assert.Equal("signature does not match", check.Reason);
    }

    [Fact]
    public void Verify_RequestOutsideClockSkew_IsRejected()
    {
        var headers = ExampleHeaders();
        headers["Authorization"] = $"AWS4-HMAC-SHA256 Credential={ExampleAccessKey}/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={ExampleSignature}";

        var check = SigV4Verifier.Verify("GET", "/?Action=ListUsers&Version=2010-05-08", headers, [], SecretFor, s_exampleTime.AddMinutes(16));

        Assert.False(check.IsValid);
        Assert.Contains("15 minutes", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_BodyNotMatchingDeclaredHash_IsRejected()
    {
        var headers = ExampleHeaders();
        headers["X-Amz-Content-SHA256"] = EmptyPayloadHash;
        headers["Authorization"] = $"AWS4-HMAC-SHA256 Credential={ExampleAccessKey}/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature={ExampleSignature}";

        var check = SigV4Verifier.Verify("GET", "/?Action=ListUsers&Version=2010-05-08", headers, "tampered"u8, SecretFor, s_exampleTime);

        Assert.False(check.IsValid);
        Assert.Contains("X-Amz-Content-SHA256", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_NoAuthorization_IsRejected()
    {
        var check = SigV4Verifier.Verify("GET", "/", ExampleHeaders(), [], SecretFor, s_exampleTime);

        Assert.False(check.IsValid);
        Assert.Equal("no Authorization header", check.Reason);
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("", "/")]
    [InlineData("/topics/a%20b/c", "/topics/a%2520b/c")]
    [InlineData("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A1%3Afunction%3Af/invocations", "/2015-03-31/functions/arn%253Aaws%253Alambda%253Aus-east-1%253A1%253Afunction%253Af/invocations")]
    [InlineData("/a/./b/../c", "/a/c")]
    public void CanonicalUri_NonS3Path_IsEncodedTwice(string rawPath, string expected)
    {
        var canonical = SigV4Verifier.CanonicalUri(rawPath);

        Assert.Equal(expected, canonical);
    }

    [Fact]
    public void CanonicalQuery_UnsortedAndLooselyEncoded_IsSortedAndStrictlyEncoded()
    {
        var canonical = SigV4Verifier.CanonicalQuery("type=A&name=%2A.example.com.&b=x y&a=2&a=1&flag");

        Assert.Equal("a=1&a=2&b=x%20y&flag=&name=%2A.example.com.&type=A", canonical);
    }

    [Fact]
    public void CanonicalHeaderValue_InnerAndOuterSpaces_AreCollapsedAndTrimmed()
    {
        var value = SigV4Verifier.CanonicalHeaderValue("  a   b  c ");

        Assert.Equal("a b c", value);
    }

    private static Dictionary<string, string> ExampleHeaders() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["content-type"] = "application/x-www-form-urlencoded; charset=utf-8",
        ["host"] = "iam.amazonaws.com",
        ["x-amz-date"] = s_exampleTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture),
    };

    private static string? SecretFor(string accessKey) => accessKey == ExampleAccessKey ? ExampleSecret : null;
}

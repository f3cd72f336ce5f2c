using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// The ALB listens with HTTPS when a certificate is given, and the template refuses to deploy without one unless
/// the user opts into plain HTTP (a Rules assertion: CloudFormation checks it before creating anything).
/// </summary>
public class HttpsByDefaultTests
{
    private const string Certificate = "arn:aws:acm:eu-west-1:111122223333:certificate/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9";
    private static readonly SamTemplate s_template = SamTemplate.Repository;

    [Theory]
    [InlineData("", "false", false)]
    [InlineData("", "true", true)]
    [InlineData(Certificate, "false", true)]
    [InlineData(Certificate, "true", true)]
    public void CertificateRule_NoCertificateWithoutOptIn_IsRefused(string certificate, string allowPlainHttp, bool accepted)
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string> { ["CertificateArn"] = certificate, ["AllowPlainHttp"] = allowPlainHttp });

        var assertions = s_template.Section("Rules")["CertificateOrPlainHttpOptIn"].GetProperty("Assertions").EnumerateArray().ToList();

        Assert.Equal(accepted, assertions.All(a => evaluator.Assertion(a.GetProperty("Assert"))));
        Assert.All(assertions, a => Assert.Contains("CertificateArn", a.GetProperty("AssertDescription").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void AllowPlainHttp_IsOffByDefaultAndSaysWhatPlainHttpExposes()
    {
        var parameter = s_template.Parameters["AllowPlainHttp"];

        var description = parameter.GetProperty("Description").GetString();

        Assert.Equal("false", parameter.GetProperty("Default").GetString());
        Assert.Contains("activation codes", description, StringComparison.Ordinal);
        Assert.Contains("e-mail addresses", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Certificate, "HTTPS", "443")]
    [InlineData("", "HTTP", "80")]
    public void Listener_ProtocolAndPort_FollowTheCertificate(string certificate, string protocol, string port)
    {
        var evaluator = new IntrinsicEvaluator(s_template, new Dictionary<string, string> { ["CertificateArn"] = certificate });

        var listener = s_template.Resource("AlbListener").GetProperty("Properties");

        Assert.Equal((protocol, port), (evaluator.String(listener.GetProperty("Protocol")), evaluator.String(listener.GetProperty("Port"))));
        if (certificate.Length > 0)
        {
            Assert.StartsWith("ELBSecurityPolicy-TLS13-", evaluator.String(listener.GetProperty("SslPolicy")), StringComparison.Ordinal);
        }
    }
}

using System.Text.RegularExpressions;
using Template.Tests.Support;

namespace Template.Tests;

public partial class DeployDocsTests
{
    private static readonly string s_guide = File.ReadAllText(RepositoryRoot.Combine("docs", "deploy.md"));

    [Fact]
    public void DeployGuide_ExplainsEveryTemplateParameter()
    {
        var guide = s_guide;

        var missing = SamTemplate.Repository.Parameters.Keys.Where(p => !guide.Contains($"`{p}`", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void DeployGuide_GivesBothDeployRoutes()
    {
        var guide = s_guide;

        Assert.Contains("sam build && sam deploy --guided", guide, StringComparison.Ordinal);
        Assert.Contains("aws cloudformation package", guide, StringComparison.Ordinal);
        Assert.Contains("aws cloudformation deploy", guide, StringComparison.Ordinal);
        Assert.Contains("./suite package", guide, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("## Route 1: SAM")]
    [InlineData("## Route 2: plain CloudFormation")]
    public void DeployRoute_OverridesOnlyTemplateParametersAndEveryOneWithoutADefault(string heading)
    {
        var template = SamTemplate.Repository;
        // CertificateArn has an empty default, but the template's Rules refuse it empty unless AllowPlainHttp is true.
        var required = template.Parameters.Where(p => !p.Value.TryGetProperty("Default", out _)).Select(p => p.Key).Append("CertificateArn");

        var keys = OverrideKeys(Section(s_guide, heading));

        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, k => !template.Parameters.ContainsKey(k));
        Assert.Empty(required.Except(keys));
    }

    [Fact]
    public void OverrideKeys_ContinuedParameterOverridesLine_AreAllRead()
    {
        const string Text = "```\naws cloudformation deploy \\\n  --parameter-overrides VpcId=vpc-1 PrivateSubnetIds=subnet-1,subnet-2 \\\n      Architecture=arm64\naws s3 ls X=1\n```\n";

        var keys = OverrideKeys(Text);

        Assert.Equal(["Architecture", "PrivateSubnetIds", "VpcId"], keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DeployGuide_DoesNotClaimSnsRetriesKeepFailedFeedback()
    {
        var guide = s_guide;

        Assert.DoesNotContain("SNS retries on failure", guide, StringComparison.Ordinal);
        Assert.Contains("SesFeedbackSnsDeadLetterQueueUrl", guide, StringComparison.Ordinal);
    }

    private static string Section(string guide, string heading)
    {
        var start = guide.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/deploy.md has no section '{heading}'.");
        var end = guide.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? guide[start..] : guide[start..end];
    }

    /// <summary>Keys of every <c>--parameter-overrides</c> in the text, across its backslash-continued lines.</summary>
    private static List<string> OverrideKeys(string text)
    {
        var keys = new List<string>();
        foreach (Match overrides in ParameterOverrides().Matches(text))
        {
            keys.AddRange(OverrideKey().Matches(overrides.Groups[1].Value).Select(m => m.Groups[1].Value));
        }

        return keys.Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"--parameter-overrides((?:[^\n]*\\\n)*[^\n]*)")]
    private static partial Regex ParameterOverrides();

    [GeneratedRegex(@"(?:^|\s)([A-Z][A-Za-z0-9]*)=")]
    private static partial Regex OverrideKey();
}

using Template.Tests.Support;

namespace Template.Tests;

public class DeployDocsTests
{
    [Fact]
    public void DeployGuide_ExplainsEveryTemplateParameter()
    {
        var guide = File.ReadAllText(RepositoryRoot.Combine("docs", "deploy.md"));

        var missing = SamTemplate.Repository.Parameters.Keys.Where(p => !guide.Contains($"`{p}`", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void DeployGuide_GivesBothDeployRoutes()
    {
        var guide = File.ReadAllText(RepositoryRoot.Combine("docs", "deploy.md"));

        Assert.Contains("sam build && sam deploy --guided", guide, StringComparison.Ordinal);
        Assert.Contains("aws cloudformation package", guide, StringComparison.Ordinal);
        Assert.Contains("aws cloudformation deploy", guide, StringComparison.Ordinal);
        Assert.Contains("./suite package", guide, StringComparison.Ordinal);
    }
}

using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// serverless.template through AWS's own linter, for the defaults and for parameter sets that switch every option
/// on: CloudFormation refuses at change-set creation much of what cfn-lint reports, whatever the parameters, so a
/// finding here is a deploy that fails for every user. Warnings count too.
/// </summary>
public class CfnLintTests
{
    public static TheoryData<string> ParameterSets()
    {
        var data = new TheoryData<string>();
        foreach (var name in LintParameterSet.Names())
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ParameterSets))]
    public void Template_WithParameterSet_HasNoCfnLintFinding(string set)
    {
        var text = LintParameterSet.Load(set).Substitute(File.ReadAllText(RepositoryRoot.Combine(SamTemplate.FileName)));

        var (exitCode, output) = LintCopy(text, set);

        Assert.True(exitCode == 0 && output.Trim().Length == 0, $"cfn-lint on {SamTemplate.FileName} with parameter set '{set}' (exit {exitCode}):\n{output}");
    }

    [Fact]
    public void ParameterSets_CoverEveryOptionAndGiveEveryRequiredParameter()
    {
        var template = SamTemplate.Repository;
        var required = template.Parameters.Where(p => !p.Value.TryGetProperty("Default", out _)).Select(p => p.Key).ToList();

        var sets = LintParameterSet.Names().Select(LintParameterSet.Load).ToList();

        Assert.Contains("defaults", sets.Select(s => s.Name));
        Assert.All(sets, s => Assert.Empty(required.Except(s.Values.Keys)));
        // Every optional parameter is set away from its default by at least one set, so no option goes unlinted.
        var untouched = template.Parameters.Where(p => p.Value.TryGetProperty("Default", out _))
            .Where(p => !sets.Any(s => s.Values.TryGetValue(p.Key, out var v) && v != p.Value.GetProperty("Default").ToString()))
            .Select(p => p.Key).ToList();
        Assert.Empty(untouched);
    }

    [Fact]
    public void Substitute_ValueOutsideItsParametersPattern_IsReportedByCfnLint()
    {
        var set = LintParameterSet.Load("defaults");
        var text = set.Substitute(File.ReadAllText(RepositoryRoot.Combine(SamTemplate.FileName))).Replace("\"Default\": \"rate(15 minutes)\"", "\"Default\": \"every \\\" day\"", StringComparison.Ordinal);

        var (exitCode, output) = LintCopy(text, "broken");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("E2015", output, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) LintCopy(string text, string set)
    {
        var folder = Path.Combine(Path.GetTempPath(), "template-lint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, $"serverless.{set}.template");
            File.WriteAllText(path, text);
            return CfnLint.Run(path);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

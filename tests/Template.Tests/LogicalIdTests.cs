using System.Text.Json;
using Template.Tests.Support;

namespace Template.Tests;

/// <summary>
/// CloudFormation refuses a template in which a parameter and a resource (or a condition, output, rule or mapping)
/// share a name; JSON readers keep one of two equal keys in a section without a word. Both are checked here.
/// </summary>
public class LogicalIdTests
{
    private static readonly string[] s_sections = ["Parameters", "Resources", "Conditions", "Outputs", "Rules", "Mappings"];

    [Fact]
    public void EveryLogicalId_IsUniqueAcrossAllSections()
    {
        var duplicates = Duplicates(File.ReadAllText(RepositoryRoot.Combine(SamTemplate.FileName)));

        Assert.Empty(duplicates);
    }

    [Fact]
    public void Duplicates_NameSharedByParameterAndResourceOrRepeatedInASection_AreBothReported()
    {
        const string Template = """
            {"Parameters":{"Schedule":{"Type":"String"}},"Resources":{"Schedule":{"Type":"AWS::Events::Rule"},"Q":{"Type":"AWS::SQS::Queue"},"Q":{"Type":"AWS::SQS::Queue"}},
             "Outputs":{"Out":{"Value":"x"}}}
            """;

        var duplicates = Duplicates(Template);

        Assert.Equal(["Q: Resources, Resources", "Schedule: Parameters, Resources"], duplicates);
    }

    private static List<string> Duplicates(string json)
    {
        using var document = JsonDocument.Parse(json);
        return s_sections
            .Where(s => document.RootElement.TryGetProperty(s, out _))
            .SelectMany(s => document.RootElement.GetProperty(s).EnumerateObject().Select(p => (Id: p.Name, Section: s)))
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Section))}")
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

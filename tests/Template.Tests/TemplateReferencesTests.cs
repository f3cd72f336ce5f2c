using Template.Tests.Support;

namespace Template.Tests;

public class TemplateReferencesTests
{
    private static readonly HashSet<string> s_pseudoParameters = new(StringComparer.Ordinal)
    {
        "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix",
    };

    [Fact]
    public void Template_HeaderAndSections_AreSamJson()
    {
        var template = SamTemplate.Repository;

        var transform = template.Root.GetProperty("Transform").GetString();

        Assert.Equal("AWS::Serverless-2016-10-31", transform);
        Assert.Equal("2010-09-09", template.Root.GetProperty("AWSTemplateFormatVersion").GetString());
        Assert.NotEmpty(template.Resources);
        Assert.NotEmpty(template.Section("Outputs"));
    }

    [Fact]
    public void EveryIntrinsic_PointsAtSomethingDeclared()
    {
        var template = SamTemplate.Repository;

        var dangling = Dangling(template);

        Assert.Empty(dangling);
    }

    [Fact]
    public void EveryGetAtt_NamesAnAttributeItsResourceTypeHas()
    {
        var template = SamTemplate.Repository;
        var schema = ResourceSchema.Load();

        var unknown = IntrinsicReferenceCollector.Collect(template.Root)
            .Where(r => r.Attribute is not null && template.Resources.ContainsKey(r.Target))
            .Where(r => !schema.HasAttribute(template.Resource(r.Target).GetProperty("Type").GetString()!, r.Attribute!))
            .Select(r => $"{r.Path}: {r.Target}.{r.Attribute}")
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Collect_DanglingRefGetAttAndSub_AreAllReported()
    {
        var template = SamTemplate.Parse("""
            {"Resources":{"Q":{"Type":"AWS::SQS::Queue","Properties":{
              "A":{"Ref":"Missing1"},"B":{"Fn::GetAtt":["Missing2","Arn"]},"C":{"Fn::GetAtt":"Q.Arn"},
              "D":{"Fn::Sub":"${Missing3.Arn}/${AWS::Region}/${!Literal}/${Q}"},
              "E":{"Fn::Sub":["${Local}-${Missing4}",{"Local":"x"}]},"F":{"Fn::If":["MissingCondition",1,2]}}}}}
            """);

        var dangling = Dangling(template);

        Assert.Equal(["Condition MissingCondition", "Fn::GetAtt Missing2", "Fn::Sub Missing3", "Fn::Sub Missing4", "Ref Missing1"], dangling.Select(d => string.Join(' ', d.Split(' ').Take(2))).Order());
    }

    [Fact]
    public void SubPlaceholders_AttributeAndPseudoParameter_SplitOnlyTheAttribute()
    {
        var placeholders = IntrinsicReferenceCollector.SubPlaceholders("arn:${AWS::Partition}:x:::${Topic.TopicName}/${Name}", new HashSet<string>()).ToList();

        Assert.Equal([("AWS::Partition", (string?)null), ("Topic", "TopicName"), ("Name", null)], placeholders);
    }

    private static List<string> Dangling(SamTemplate template)
    {
        var resources = template.Resources.Keys.ToHashSet(StringComparer.Ordinal);
        var parameters = template.Parameters.Keys.ToHashSet(StringComparer.Ordinal);
        var conditions = template.Conditions.Keys.ToHashSet(StringComparer.Ordinal);
        return IntrinsicReferenceCollector.Collect(template.Root)
            .Where(r => r.Kind switch
            {
                "Condition" => !conditions.Contains(r.Target),
                "DependsOn" => !resources.Contains(r.Target),
                "Fn::GetAtt" => !resources.Contains(r.Target),
                "Fn::Sub" when r.Attribute is not null => !resources.Contains(r.Target),
                _ => !resources.Contains(r.Target) && !parameters.Contains(r.Target) && !s_pseudoParameters.Contains(r.Target),
            })
            .Select(r => $"{r.Kind} {r.Target} at {r.Path}")
            .ToList();
    }
}

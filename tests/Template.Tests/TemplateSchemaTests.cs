using Template.Tests.Support;

namespace Template.Tests;

public class TemplateSchemaTests
{
    [Fact]
    public void EveryResource_UsesAKnownTypeAndKnownProperties()
    {
        var template = SamTemplate.Repository;
        var schema = ResourceSchema.Load();

        var problems = new List<string>();
        foreach (var (id, resource) in template.Resources)
        {
            var type = resource.GetProperty("Type").GetString()!;
            if (!schema.Knows(type))
            {
                problems.Add($"{id}: unknown type {type}");
                continue;
            }

            problems.AddRange(resource.EnumerateObject().Where(k => !ResourceSchema.ResourceKeys.Contains(k.Name)).Select(k => $"{id}: unknown key {k.Name}"));
            if (resource.TryGetProperty("Properties", out var properties))
            {
                problems.AddRange(properties.EnumerateObject().Where(p => !schema.AllowsProperty(type, p.Name)).Select(p => $"{id}: {type} has no property {p.Name}"));
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void GlobalsFunction_OnlyUsesServerlessFunctionProperties()
    {
        var template = SamTemplate.Repository;
        var schema = ResourceSchema.Load();

        var unknown = template.Root.GetProperty("Globals").GetProperty("Function").EnumerateObject()
            .Select(p => p.Name).Where(p => !schema.AllowsProperty(SamTemplate.FunctionType, p)).ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void AllowsProperty_TypeOrPropertyNotInSchema_IsFalse()
    {
        var schema = ResourceSchema.Load();

        var unknownType = schema.AllowsProperty("AWS::Made::Up", "Name");
        var unknownProperty = schema.AllowsProperty("AWS::SQS::Queue", "QueueColour");

        Assert.False(unknownType);
        Assert.False(unknownProperty);
        Assert.True(schema.AllowsProperty("AWS::SQS::Queue", "RedrivePolicy"));
    }

    [Fact]
    public void EveryParameter_HasTypeAndDescription()
    {
        var template = SamTemplate.Repository;

        var incomplete = template.Parameters.Where(p => !p.Value.TryGetProperty("Type", out _) || !p.Value.TryGetProperty("Description", out _)).Select(p => p.Key).ToList();

        Assert.Empty(incomplete);
    }
}

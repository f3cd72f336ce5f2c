using System.Text.Json;

namespace Template.Tests.Support;

/// <summary>The resource types the template may use, each with its allowed properties and GetAtt attributes (TestData/resource-schema.json).</summary>
public sealed class ResourceSchema
{
    /// <summary>Keys CloudFormation allows beside Type and Properties on any resource.</summary>
    public static readonly IReadOnlySet<string> ResourceKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "Type", "Properties", "Condition", "DependsOn", "DeletionPolicy", "UpdateReplacePolicy", "Metadata",
    };

    private readonly Dictionary<string, (HashSet<string> Properties, HashSet<string> Attributes)> _types;

    private ResourceSchema(Dictionary<string, (HashSet<string>, HashSet<string>)> types) => _types = types;

    public static ResourceSchema Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "resource-schema.json")));
        var types = document.RootElement.EnumerateObject().ToDictionary(
            t => t.Name,
            t => (t.Value.GetProperty("properties").EnumerateArray().Select(p => p.GetString()!).ToHashSet(StringComparer.Ordinal),
                  t.Value.GetProperty("attributes").EnumerateArray().Select(p => p.GetString()!).ToHashSet(StringComparer.Ordinal)),
            StringComparer.Ordinal);
        return new ResourceSchema(types);
    }

    public bool Knows(string type) => _types.ContainsKey(type);

    public bool AllowsProperty(string type, string property) => _types.TryGetValue(type, out var t) && t.Properties.Contains(property);

    public bool HasAttribute(string type, string attribute) => _types.TryGetValue(type, out var t) && t.Attributes.Contains(attribute);
}

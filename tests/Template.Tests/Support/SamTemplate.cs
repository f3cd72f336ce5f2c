using System.Text.Json;

namespace Template.Tests.Support;

/// <summary>serverless.template read with System.Text.Json, with the few views the checks need.</summary>
public sealed class SamTemplate
{
    public const string FileName = "serverless.template";
    public const string FunctionType = "AWS::Serverless::Function";

    private static readonly Lazy<SamTemplate> s_repository = new(() => Parse(File.ReadAllText(RepositoryRoot.Combine(FileName))));

    private SamTemplate(JsonElement root) => Root = root;

    /// <summary>The repository's serverless.template, parsed once per test run.</summary>
    public static SamTemplate Repository => s_repository.Value;

    public JsonElement Root { get; }

    public static SamTemplate Parse(string json) => new(JsonDocument.Parse(json).RootElement.Clone());

    public IReadOnlyDictionary<string, JsonElement> Section(string name) =>
        Root.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
            ? section.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, JsonElement> Resources => Section("Resources");

    public IReadOnlyDictionary<string, JsonElement> Parameters => Section("Parameters");

    public IReadOnlyDictionary<string, JsonElement> Conditions => Section("Conditions");

    public IEnumerable<KeyValuePair<string, JsonElement>> ResourcesOfType(string type) =>
        Resources.Where(r => r.Value.TryGetProperty("Type", out var t) && t.GetString() == type);

    public JsonElement Resource(string logicalId) =>
        Resources.TryGetValue(logicalId, out var resource) ? resource : throw new Xunit.Sdk.XunitException($"{FileName} declares no resource '{logicalId}'.");

    /// <summary>A resource's property, or, for functions, the Globals.Function value SAM would merge in.</summary>
    public JsonElement? Property(string logicalId, string name)
    {
        var resource = Resource(logicalId);
        if (resource.TryGetProperty("Properties", out var properties) && properties.TryGetProperty(name, out var value))
        {
            return value;
        }

        return resource.GetProperty("Type").GetString() == FunctionType && Root.TryGetProperty("Globals", out var globals)
            && globals.TryGetProperty("Function", out var function) && function.TryGetProperty(name, out var global)
            ? global
            : null;
    }

    /// <summary>Environment variables of a function: name and value (a literal or an intrinsic).</summary>
    public IReadOnlyDictionary<string, JsonElement> EnvironmentOf(string functionId) =>
        Property(functionId, "Environment") is { } environment && environment.TryGetProperty("Variables", out var variables)
            ? variables.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(StringComparer.Ordinal);

    /// <summary>Inline policy statements of a function; a statement under Fn::If counts with its condition's name.</summary>
    public IReadOnlyList<PolicyStatement> StatementsOf(string functionId)
    {
        var statements = new List<PolicyStatement>();
        if (Property(functionId, "Policies") is not { ValueKind: JsonValueKind.Array } policies)
        {
            return statements;
        }

        foreach (var policy in policies.EnumerateArray())
        {
            if (policy.ValueKind != JsonValueKind.Object || !policy.TryGetProperty("Statement", out var list))
            {
                throw new Xunit.Sdk.XunitException($"{functionId}: only inline policy documents are expected, found {policy}.");
            }

            foreach (var item in list.EnumerateArray())
            {
                statements.Add(PolicyStatement.From(functionId, item));
            }
        }

        return statements;
    }
}

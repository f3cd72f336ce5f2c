using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Template.Tests.Support;

/// <summary>
/// One set of stack parameters in CloudFormation's own parameter-file format
/// (<c>[{"ParameterKey": ..., "ParameterValue": ...}]</c>, what <c>aws cloudformation create-stack --parameters
/// file://</c> takes), kept under TestData/lint-parameters.
/// </summary>
/// <remarks>
/// cfn-lint 1.51 accepts <c>--parameters</c> and <c>--parameter-files</c>, but for a template with the SAM transform
/// it rebuilds its context after the transform and the given values are gone: a set that breaks a constraint still
/// lints clean. So the set is written into a copy of the template as each parameter's Default: cfn-lint then checks
/// every value against its parameter's AllowedPattern, AllowedValues and bounds (E2015) and resolves each Ref to it
/// where a resource property has limits (W1030).
/// </remarks>
public sealed class LintParameterSet
{
    public const string Folder = "lint-parameters";

    private LintParameterSet(string name, IReadOnlyDictionary<string, string> values) => (Name, Values) = (name, values);

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Values { get; }

    public static IReadOnlyList<string> Names() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", Folder), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;

    public static LintParameterSet Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", Folder, name + ".json")));
        var values = document.RootElement.EnumerateArray().ToDictionary(
            p => p.GetProperty("ParameterKey").GetString()!, p => p.GetProperty("ParameterValue").GetString()!, StringComparer.Ordinal);
        return new LintParameterSet(name, values);
    }

    /// <summary>The template text with this set's values as Defaults (a whole Number stays a JSON number).</summary>
    public string Substitute(string templateJson)
    {
        var root = JsonNode.Parse(templateJson)!.AsObject();
        var parameters = root["Parameters"]!.AsObject();
        foreach (var (key, value) in Values)
        {
            var parameter = parameters[key]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"Parameter set {Name} gives {key}, which the template does not declare.");
            parameter["Default"] = parameter["Type"]!.GetValue<string>() == "Number" && long.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(value);
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}

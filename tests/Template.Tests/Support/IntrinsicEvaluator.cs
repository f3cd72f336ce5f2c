using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Template.Tests.Support;

/// <summary>
/// Works out what CloudFormation would make of a template value for given parameter values: Ref (a parameter's
/// value, or a resource's logical ID), Fn::Sub (with or without a variable map), Fn::Join, Fn::Split, Fn::Select,
/// Fn::If with the template's conditions (Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition, and in Rules Fn::EachMemberEquals). Anything else fails
/// the test, so a value this cannot evaluate is never silently wrong.
/// </summary>
public sealed partial class IntrinsicEvaluator(SamTemplate template, IReadOnlyDictionary<string, string> parameters)
{
    public string String(JsonElement value) => Evaluate(value) as string ?? throw new Xunit.Sdk.XunitException($"Not a string: {value}");

    public object Evaluate(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString()!;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                // CloudFormation hands every scalar on as text; "443" and 443 are one value to it.
                return value.GetRawText();
            case JsonValueKind.Array:
                return value.EnumerateArray().Select(Evaluate).ToList();
            case JsonValueKind.Object when value.EnumerateObject().Count() == 1:
                var function = value.EnumerateObject().Single();
                return Apply(function.Name, function.Value);
            default:
                throw new Xunit.Sdk.XunitException($"Cannot evaluate {value}");
        }
    }

    public bool Condition(string name) => Truth(template.Conditions[name]);

    /// <summary>A Rules assertion (Fn::Or, Fn::And, Fn::Not, Fn::Equals over parameters) for these parameter values.</summary>
    public bool Assertion(JsonElement assert) => Truth(assert);

    private object Apply(string function, JsonElement argument) => function switch
    {
        "Ref" => Ref(argument.GetString()!),
        "Fn::Sub" when argument.ValueKind == JsonValueKind.String => Substitute(argument.GetString()!, new Dictionary<string, string>()),
        "Fn::Sub" => Substitute(argument[0].GetString()!, argument[1].EnumerateObject().ToDictionary(p => p.Name, p => String(p.Value))),
        "Fn::Join" => string.Join(argument[0].GetString(), Strings(argument[1])),
        "Fn::Split" => String(argument[1]).Split(argument[0].GetString()).ToList<object>(),
        "Fn::Select" => Strings(argument[1])[int.Parse(String(argument[0]), System.Globalization.CultureInfo.InvariantCulture)],
        "Fn::If" => Evaluate(Condition(argument[0].GetString()!) ? argument[1] : argument[2]),
        _ => throw new Xunit.Sdk.XunitException($"{function} is not evaluated here"),
    };

    private bool Truth(JsonElement condition)
    {
        var function = condition.EnumerateObject().Single();
        var argument = function.Value;
        return function.Name switch
        {
            "Fn::Equals" => String(argument[0]) == String(argument[1]),
            "Fn::Not" => !Truth(argument[0]),
            "Fn::And" => argument.EnumerateArray().All(Truth),
            "Fn::Or" => argument.EnumerateArray().Any(Truth),
            "Condition" => Condition(argument.GetString()!),
            // Rules only: a CommaDelimitedList parameter's value, split at its commas, every member equal to the text.
            "Fn::EachMemberEquals" => Strings(argument[0]).All(m => m == String(argument[1])),
            _ => throw new Xunit.Sdk.XunitException($"{function.Name} is not a condition function"),
        };
    }

    // Lists (a template array or Fn::Split's result) evaluate to List<object>; their items must be strings here.
    private List<string> Strings(JsonElement value) => ((List<object>)Evaluate(value)).Cast<string>().ToList();

    // A list parameter (CommaDelimitedList, List<...>) is a list to Ref, as CloudFormation splits it at its commas.
    private object Ref(string name)
    {
        var text = RefText(name);
        return template.Parameters.TryGetValue(name, out var parameter) && parameter.GetProperty("Type").GetString() is { } type
            && (type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal))
            ? text.Split(',').ToList<object>()
            : text;
    }

    private string RefText(string name) =>
        parameters.TryGetValue(name, out var given) ? given
        : template.Parameters.TryGetValue(name, out var parameter) && parameter.TryGetProperty("Default", out var fallback) ? (fallback.ValueKind == JsonValueKind.String ? fallback.GetString()! : fallback.GetRawText())
        : template.Resources.ContainsKey(name) ? name
        : throw new Xunit.Sdk.XunitException($"Ref {name}: no value given and no default");

    private string Substitute(string text, Dictionary<string, string> variables) =>
        Placeholder().Replace(text, match => variables.TryGetValue(match.Groups[1].Value, out var value) ? value : RefText(match.Groups[1].Value));

    [GeneratedRegex(@"\$\{([A-Za-z0-9_.:]+)\}")]
    private static partial Regex Placeholder();
}

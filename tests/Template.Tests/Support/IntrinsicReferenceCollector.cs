using System.Text.Json;
using System.Text.RegularExpressions;

namespace Template.Tests.Support;

/// <summary>
/// Walks a template and lists every name an intrinsic refers to: Ref, Fn::GetAtt (both spellings), the
/// <c>${Name}</c> and <c>${Name.Attr}</c> placeholders of Fn::Sub (not <c>${!Literal}</c>, not the Sub's own
/// variables), Condition names (in Fn::If, in condition functions, on resources and outputs) and DependsOn.
/// </summary>
public static partial class IntrinsicReferenceCollector
{
    public static IReadOnlyList<IntrinsicReference> Collect(JsonElement root)
    {
        var found = new List<IntrinsicReference>();
        foreach (var section in new[] { "Resources", "Outputs", "Conditions", "Globals" })
        {
            if (root.TryGetProperty(section, out var element))
            {
                Walk(element, section, found, section == "Conditions");
            }
        }

        foreach (var section in new[] { "Resources", "Outputs" })
        {
            if (!root.TryGetProperty(section, out var entries))
            {
                continue;
            }

            foreach (var entry in entries.EnumerateObject())
            {
                if (entry.Value.TryGetProperty("Condition", out var condition))
                {
                    found.Add(new("Condition", condition.GetString() ?? "", null, $"{section}.{entry.Name}.Condition"));
                }

                if (entry.Value.TryGetProperty("DependsOn", out var dependsOn))
                {
                    var names = dependsOn.ValueKind == JsonValueKind.Array ? dependsOn.EnumerateArray().Select(d => d.GetString() ?? "") : [dependsOn.GetString() ?? ""];
                    found.AddRange(names.Select(n => new IntrinsicReference("DependsOn", n, null, $"{section}.{entry.Name}.DependsOn")));
                }
            }
        }

        return found;
    }

    /// <summary>Placeholders of one Fn::Sub string, minus <paramref name="localVariables"/>.</summary>
    public static IEnumerable<(string Target, string? Attribute)> SubPlaceholders(string text, IReadOnlySet<string> localVariables)
    {
        foreach (Match match in Placeholder().Matches(text))
        {
            var name = match.Groups[1].Value.Trim();
            if (name.StartsWith('!') || localVariables.Contains(name))
            {
                continue;
            }

            var dot = name.IndexOf('.', StringComparison.Ordinal);
            yield return dot < 0 || name.StartsWith("AWS::", StringComparison.Ordinal) ? (name, null) : (name[..dot], name[(dot + 1)..]);
        }
    }

    private static void Walk(JsonElement element, string path, List<IntrinsicReference> found, bool inConditions)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, $"{path}[{index++}]", found, inConditions);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var here = path + "." + property.Name;
            switch (property.Name)
            {
                case "Ref":
                    found.Add(new("Ref", property.Value.GetString() ?? "", null, here));
                    break;
                case "Fn::GetAtt":
                    AddGetAtt(property.Value, here, found);
                    break;
                case "Fn::Sub":
                    AddSub(property.Value, here, found);
                    break;
                case "Fn::If":
                    found.Add(new("Condition", property.Value[0].GetString() ?? "", null, here));
                    break;
                case "Condition" when inConditions && property.Value.ValueKind == JsonValueKind.String:
                    found.Add(new("Condition", property.Value.GetString() ?? "", null, here));
                    break;
                default:
                    break;
            }

            Walk(property.Value, here, found, inConditions);
        }
    }

    private static void AddGetAtt(JsonElement value, string path, List<IntrinsicReference> found)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString() ?? "";
            var dot = text.IndexOf('.', StringComparison.Ordinal);
            found.Add(dot < 0 ? new("Fn::GetAtt", text, "", path) : new("Fn::GetAtt", text[..dot], text[(dot + 1)..], path));
            return;
        }

        var parts = value.EnumerateArray().ToArray();
        found.Add(new("Fn::GetAtt", parts[0].GetString() ?? "", parts.Length > 1 ? parts[1].GetString() ?? "" : "", path));
    }

    private static void AddSub(JsonElement value, string path, List<IntrinsicReference> found)
    {
        var (text, locals) = value.ValueKind == JsonValueKind.String
            ? (value.GetString() ?? "", (IReadOnlySet<string>)new HashSet<string>())
            : (value[0].GetString() ?? "", value[1].EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal));
        foreach (var (target, attribute) in SubPlaceholders(text, locals))
        {
            found.Add(new("Fn::Sub", target, attribute, path));
        }
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex Placeholder();
}

using System.Text;
using System.Text.Json;

namespace LambdaSuite.Harness.Iot;

/// <summary>
/// Reads the IoT rules from <c>serverless.template</c>: each <c>AWS::IoT::TopicRule</c>'s
/// <c>TopicRulePayload.Sql</c> (a string or an <c>Fn::Sub</c> of one, <c>${Name}</c> taken from the given parameters or
/// the template parameter's Default, <c>${!Name}</c> kept literally) and the logical id its Lambda action's
/// <c>Fn::GetAtt [Id, Arn]</c> names. The local rule engine runs the template's own statements, so a rule changed there
/// is the rule tested here.
/// </summary>
public static class TemplateTopicRules
{
    public static IReadOnlyList<TemplateTopicRule> Read(string templateJson, IReadOnlyDictionary<string, string>? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(templateJson);
        using var template = JsonDocument.Parse(templateJson, new JsonDocumentOptions { AllowTrailingCommas = false });
        var root = template.RootElement;
        var rules = new List<TemplateTopicRule>();
        if (!root.TryGetProperty("Resources", out var resources))
        {
            return rules;
        }

        foreach (var resource in resources.EnumerateObject())
        {
            if (!resource.Value.TryGetProperty("Type", out var type) || !type.ValueEquals("AWS::IoT::TopicRule"))
            {
                continue;
            }

            if (!resource.Value.TryGetProperty("Properties", out var properties)
                || !properties.TryGetProperty("TopicRulePayload", out var payload)
                || !payload.TryGetProperty("Sql", out var sql))
            {
                throw new TopicRuleSqlException($"The template's rule {resource.Name} has no Properties.TopicRulePayload.Sql.");
            }

            var text = SqlText(resource.Name, sql, root, parameters);
            var disabled = payload.TryGetProperty("RuleDisabled", out var flag) && flag.ValueKind == JsonValueKind.True;
            rules.Add(new TemplateTopicRule(resource.Name, text, TopicRuleSql.Parse(text), disabled, LambdaTarget(payload)));
        }

        return rules;
    }

    private static string SqlText(string ruleId, JsonElement sql, JsonElement template, IReadOnlyDictionary<string, string>? parameters)
    {
        if (sql.ValueKind == JsonValueKind.String)
        {
            return sql.GetString()!;
        }

        if (sql.ValueKind == JsonValueKind.Object && sql.TryGetProperty("Fn::Sub", out var sub))
        {
            if (sub.ValueKind == JsonValueKind.String)
            {
                return Substitute(ruleId, sub.GetString()!, template, parameters, null);
            }

            if (sub.ValueKind == JsonValueKind.Array && sub.GetArrayLength() == 2 && sub[0].ValueKind == JsonValueKind.String && sub[1].ValueKind == JsonValueKind.Object)
            {
                return Substitute(ruleId, sub[0].GetString()!, template, parameters, sub[1]);
            }
        }

        throw new TopicRuleSqlException($"The template's rule {ruleId} has a Sql that is neither a string nor an Fn::Sub of one; the local rule engine cannot resolve it.");
    }

    private static string Substitute(string ruleId, string text, JsonElement template, IReadOnlyDictionary<string, string>? parameters, JsonElement? variables)
    {
        var result = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("${", position, StringComparison.Ordinal);
            if (open < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }

            result.Append(text, position, open - position);
            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                throw new TopicRuleSqlException($"The template's rule {ruleId} has an unclosed ${{ in its Fn::Sub.");
            }

            var name = text[(open + 2)..close];
            result.Append(name.StartsWith('!') ? "${" + name[1..] + "}" : Value(ruleId, name, template, parameters, variables));
            position = close + 1;
        }

        return result.ToString();
    }

    private static string Value(string ruleId, string name, JsonElement template, IReadOnlyDictionary<string, string>? parameters, JsonElement? variables)
    {
        if (variables is { } map && map.TryGetProperty(name, out var local) && local.ValueKind == JsonValueKind.String)
        {
            return local.GetString()!;
        }

        if (parameters is not null && parameters.TryGetValue(name, out var given))
        {
            return given;
        }

        if (template.TryGetProperty("Parameters", out var declared) && declared.TryGetProperty(name, out var parameter)
            && parameter.TryGetProperty("Default", out var fallback) && fallback.ValueKind == JsonValueKind.String)
        {
            return fallback.GetString()!;
        }

        throw new TopicRuleSqlException($"The template's rule {ruleId} substitutes ${{{name}}}, which is neither a given parameter nor a template parameter with a Default.");
    }

    private static string? LambdaTarget(JsonElement payload)
    {
        if (!payload.TryGetProperty("Actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var action in actions.EnumerateArray())
        {
            if (action.TryGetProperty("Lambda", out var lambda) && lambda.TryGetProperty("FunctionArn", out var arn)
                && arn.ValueKind == JsonValueKind.Object && arn.TryGetProperty("Fn::GetAtt", out var getAtt)
                && getAtt.ValueKind == JsonValueKind.Array && getAtt.GetArrayLength() > 0 && getAtt[0].ValueKind == JsonValueKind.String)
            {
                return getAtt[0].GetString();
            }
        }

        return null;
    }
}

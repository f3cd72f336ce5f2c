using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Template.Tests.Support;

/// <summary>
/// The one shape of IoT rule SQL this template uses, <c>SELECT *, expr AS name, ... FROM 'filter'</c>, applied to
/// a published message the way AWS IoT documents it: the payload's fields, then one field per alias, with
/// <c>clientid()</c>, <c>principal()</c>, <c>topic()</c>, <c>topic(n)</c>, <c>timestamp()</c> and string literals
/// as expressions. Anything else fails, and so does an alias that would shadow a field the device sent: which of
/// the two the rule keeps is not something the function should depend on.
/// </summary>
public static partial class IotRuleSelect
{
    public static JsonObject Apply(string sql, JsonObject payload, string clientId, string principal, string topic, long timestamp)
    {
        var match = Statement().Match(sql);
        if (!match.Success)
        {
            throw new Xunit.Sdk.XunitException($"Not a 'SELECT *, expr AS name FROM filter' rule: {sql}");
        }

        var output = JsonNode.Parse(payload.ToJsonString())!.AsObject();
        foreach (var column in match.Groups["columns"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = Column().Match(column);
            if (!parts.Success)
            {
                throw new Xunit.Sdk.XunitException($"Column '{column}' is not 'expr AS name'");
            }

            var name = parts.Groups["name"].Value;
            if (output.ContainsKey(name))
            {
                throw new Xunit.Sdk.XunitException($"'{column}' shadows the device's own field '{name}'");
            }

            output[name] = parts.Groups["expr"].Value switch
            {
                "clientid()" => clientId,
                "principal()" => principal,
                "topic()" => topic,
                "timestamp()" => timestamp,
                var level when level.StartsWith("topic(", StringComparison.Ordinal) =>
                    topic.Split('/')[int.Parse(level["topic(".Length..^1], CultureInfo.InvariantCulture) - 1],
                var literal when literal.StartsWith('\'') => literal.Trim('\''),
                var other => throw new Xunit.Sdk.XunitException($"Expression '{other}' is not simulated here"),
            };
        }

        return output;
    }

    /// <summary>The topic filter of the rule (MQTT wildcards + and # allowed).</summary>
    public static string Filter(string sql) => Statement().Match(sql).Groups["filter"].Value;

    [GeneratedRegex(@"^SELECT \*,(?<columns>.+) FROM '(?<filter>[^']+)'$")]
    private static partial Regex Statement();

    [GeneratedRegex(@"^(?<expr>\S+) AS (?<name>[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex Column();
}

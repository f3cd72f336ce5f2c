using System.Text.Json;

namespace Template.Tests.Support;

/// <summary>One inline IAM statement; <see cref="Condition"/> names the template condition when it sits under Fn::If.</summary>
public sealed record PolicyStatement(string FunctionId, string Sid, string Effect, IReadOnlyList<string> Actions, JsonElement Resource, string? Condition)
{
    /// <summary>Statements for what the code calls carry a Sid starting with this; the rest serve Lambda's pollers.</summary>
    public const string CodeSidPrefix = "Code";

    public const string EventSourceSidPrefix = "EventSource";

    public static PolicyStatement From(string functionId, JsonElement item)
    {
        string? condition = null;
        if (item.TryGetProperty("Fn::If", out var conditional))
        {
            var branches = conditional.EnumerateArray().ToArray();
            condition = branches[0].GetString();
            item = branches[1];
            if (!(branches[2].TryGetProperty("Ref", out var noValue) && noValue.GetString() == "AWS::NoValue"))
            {
                throw new Xunit.Sdk.XunitException($"{functionId}: a conditional statement must fall back to AWS::NoValue.");
            }
        }

        var sid = item.TryGetProperty("Sid", out var s) ? s.GetString() ?? "" : "";
        var action = item.GetProperty("Action");
        IReadOnlyList<string> actions = action.ValueKind == JsonValueKind.Array
            ? action.EnumerateArray().Select(a => a.GetString() ?? "").ToArray()
            : [action.GetString() ?? ""];
        return new PolicyStatement(functionId, sid, item.GetProperty("Effect").GetString() ?? "", actions, item.GetProperty("Resource"), condition);
    }

    public bool IsCode => Sid.StartsWith(CodeSidPrefix, StringComparison.Ordinal);

    public bool IsEventSource => Sid.StartsWith(EventSourceSidPrefix, StringComparison.Ordinal);

    /// <summary>Literal resource strings (intrinsics are ARNs the template builds, never a bare wildcard).</summary>
    public IEnumerable<string> LiteralResources() =>
        Resource.ValueKind switch
        {
            JsonValueKind.String => [Resource.GetString()!],
            JsonValueKind.Array => Resource.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!),
            _ => [],
        };
}

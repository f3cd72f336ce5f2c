using System.Reflection;
using LambdaSuite.Data.Tables;

namespace Template.Tests.Support;

/// <summary>
/// What each function's handler class declares about itself: <c>EnvironmentVariables</c>, <c>IamActions</c> and
/// <c>Tables</c>, static members of <c>&lt;Name&gt;.&lt;Name&gt;Function</c>. Read by reflection so the checks
/// stay generic over the functions, and a function that has not declared them yet fails by name.
/// </summary>
public static class FunctionDeclarations
{
    /// <summary>The suite's functions: folder, project, namespace and template logical id share the name.</summary>
    public static readonly string[] Names = ["SesFeedback", "IotRegistry", "Fanout", "DnsMirror", "ChatRelay"];

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static IReadOnlyList<string> EnvironmentVariables(string function) => Read<IReadOnlyList<string>>(function, "EnvironmentVariables");

    public static IReadOnlyList<string> IamActions(string function) => Read<IReadOnlyList<string>>(function, "IamActions");

    public static IReadOnlyList<TableDefinition> Tables(string function) => Read<IReadOnlyList<TableDefinition>>(function, "Tables");

    private static T Read<T>(string function, string member)
    {
        var typeName = $"{function}.{function}Function";
        var type = Type.GetType($"{typeName}, {function}")
            ?? throw new Xunit.Sdk.XunitException($"TODO {function}: {typeName} does not exist yet, so the template cannot be checked against it (declare public static {member}).");
        var property = type.GetProperty(member, BindingFlags.Public | BindingFlags.Static)
            ?? throw new Xunit.Sdk.XunitException($"TODO {function}: {typeName} declares no public static {member}.");
        return property.GetValue(null) is T value
            ? value
            : throw new Xunit.Sdk.XunitException($"{typeName}.{member} is not a {typeof(T).Name}.");
    }
}

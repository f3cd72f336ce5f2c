using System.Runtime.CompilerServices;

namespace LambdaSuite.TestKit;

/// <summary>
/// Lets `dotnet test` find the local stack without `eval "$(./suite stack env)"`: when the test process
/// starts, the <c>export NAME=value</c> lines of the nearest <c>.stack/env</c> (written by
/// <c>./suite stack up</c>, removed by <c>down</c>) fill every variable the environment does not set
/// already. Variables set by a person or CI always win.
/// </summary>
public static class StackEnvironmentFile
{
    public const string RelativePath = ".stack/env";

    /// <summary>The variables of an env file; lines that are not <c>export NAME=value</c> are skipped.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (!line.StartsWith("export ", StringComparison.Ordinal))
            {
                continue;
            }

            var assignment = line["export ".Length..].TrimStart();
            var equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !IsName(assignment[..equals]))
            {
                continue;
            }

            variables[assignment[..equals]] = Unquote(assignment[(equals + 1)..]);
        }

        return variables;
    }

    /// <summary>The nearest <c>.stack/env</c> at or above <paramref name="startDirectory"/>, or null.</summary>
    public static string? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, RelativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Sets each variable of <paramref name="path"/> that the process environment lacks; returns their names.</summary>
    public static IReadOnlyList<string> Apply(string path)
    {
        var applied = new List<string>();
        foreach (var (name, value) in Parse(File.ReadAllText(path)))
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
            {
                Environment.SetEnvironmentVariable(name, value);
                applied.Add(name);
            }
        }

        return applied;
    }

    // Runs once when a test first touches TestKit (LocalStack lives here), before any server is looked up.
#pragma warning disable CA2255 // TestKit is loaded only by test processes; filling their environment early is the point.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void ApplyNearestFile()
    {
        var path = Find(AppContext.BaseDirectory);
        if (path is not null)
        {
            Apply(path);
        }
    }

    private static bool IsName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    // The stack writes values with bash's printf %q: plain, 'single-quoted', or backslash-escaped.
    private static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1];
        }

        var result = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
            }

            result.Append(value[i]);
        }

        return result.ToString();
    }
}

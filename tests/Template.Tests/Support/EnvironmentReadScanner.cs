using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Template.Tests.Support;

/// <summary>
/// Finds the environment variables source code reads, so a variable read without being declared fails a test:
/// string literals passed to anything named <c>*nvironment*(...)</c> (the settings delegate,
/// <c>Environment.GetEnvironmentVariable</c>) and <c>const string *Variable = "..."</c> declarations. Table
/// variables are found through <c>TableCatalog.X</c> uses, since the catalog names every table for every function.
/// </summary>
public static partial class EnvironmentReadScanner
{
    /// <summary>Variables Lambda itself sets (or the SDK's own), never set by the template.</summary>
    public static bool IsStandard(string name) =>
        name.StartsWith("AWS_", StringComparison.Ordinal) || name.StartsWith("_X_AMZN", StringComparison.Ordinal)
        || name.StartsWith("LAMBDA_", StringComparison.Ordinal) || name is "_HANDLER" or "TZ" or "LANG" or "PATH" or "LD_LIBRARY_PATH";

    public static IReadOnlySet<string> ScanText(string source)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in ReadCall().Matches(source))
        {
            found.Add(match.Groups[1].Value);
        }

        foreach (Match match in VariableConstant().Matches(source))
        {
            found.Add(match.Groups[1].Value);
        }

        return found;
    }

    /// <summary>Non-standard variables read by the function's folder and the shared projects it references.</summary>
    public static IReadOnlySet<string> ScanFunction(string function, IReadOnlyDictionary<string, string> tableVariablesByMember)
    {
        var folder = RepositoryRoot.Combine("functions", function);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles(folder).Concat(ReferencedProjectFolders(folder).SelectMany(SourceFiles)))
        {
            if (Path.GetFileName(file) == "TableCatalog.cs")
            {
                continue;
            }

            var text = File.ReadAllText(file);
            found.UnionWith(ScanText(text));
            if (file.StartsWith(folder, StringComparison.Ordinal))
            {
                foreach (Match match in TableUse().Matches(text))
                {
                    if (tableVariablesByMember.TryGetValue(match.Groups[1].Value, out var variable))
                    {
                        found.Add(variable);
                    }
                }
            }
        }

        found.RemoveWhere(IsStandard);
        return found;
    }

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static IEnumerable<string> ReferencedProjectFolders(string folder)
    {
        var project = Directory.EnumerateFiles(folder, "*.csproj").Single();
        return XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetDirectoryName(Path.GetFullPath(Path.Combine(folder, (string?)r.Attribute("Include") ?? "")))!)
            .Distinct();
    }

    [GeneratedRegex(@"nvironment\w*\(\s*""([A-Z_][A-Z0-9_]+)""")]
    private static partial Regex ReadCall();

    [GeneratedRegex(@"const\s+string\s+\w*Variable\s*=\s*""([A-Z_][A-Z0-9_]+)""")]
    private static partial Regex VariableConstant();

    [GeneratedRegex(@"TableCatalog\.(\w+)")]
    private static partial Regex TableUse();
}

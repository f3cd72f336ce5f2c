namespace Template.Tests.Support;

/// <summary>The checkout the tests run in, found by walking up from the test binaries to LambdaSuite.slnx.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> s_path = new(Find);

    public static string Path => s_path.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "LambdaSuite.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No LambdaSuite.slnx above " + AppContext.BaseDirectory);
    }
}

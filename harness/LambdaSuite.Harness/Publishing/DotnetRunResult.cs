namespace LambdaSuite.Harness.Publishing;

/// <summary>Exit code and output of one <c>dotnet</c> run.</summary>
public sealed record DotnetRunResult(int ExitCode, IReadOnlyList<string> Output, TimeSpan Elapsed)
{
    /// <summary>Distinct MSBuild warning lines (MSBuild repeats them in its summary).</summary>
    public IReadOnlyList<string> Warnings =>
        [.. Output.Where(l => l.Contains(": warning ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct(StringComparer.Ordinal)];

    public string Tail(int lines) => string.Join(Environment.NewLine, Output.TakeLast(lines));
}

namespace LambdaSuite.Bench;

/// <summary>A program the cold-start bench starts: its name (= assembly name) and project folder.</summary>
public sealed record BenchTarget(string Name, string ProjectFolder)
{
    /// <summary>
    /// The test-only probe function runs the shared host with no dependencies, so it measures the host's own
    /// cold start and gives figures while the real functions are still placeholders.
    /// </summary>
    public static BenchTarget Probe { get; } = new("LambdaProbe", "tests/LambdaProbe");
}

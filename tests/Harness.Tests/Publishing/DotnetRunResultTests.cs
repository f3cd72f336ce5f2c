using LambdaSuite.Harness.Publishing;

namespace Harness.Tests.Publishing;

public sealed class DotnetRunResultTests
{
    [Fact]
    public void Warnings_RepeatedInSummary_AreCountedOnce()
    {
        var result = new DotnetRunResult(0,
        [
            "  Restored x",
            "/src/A.cs(1,1): warning IL2026: uses reflection [/src/A.csproj]",
            "Build succeeded.",
            "/src/A.cs(1,1): warning IL2026: uses reflection [/src/A.csproj]",
            "    1 Warning(s)",
        ], TimeSpan.FromSeconds(1));

        Assert.Single(result.Warnings);
        Assert.Contains("IL2026", result.Warnings[0]);
    }

    [Fact]
    public void Tail_MoreLinesThanOutput_ReturnsAll()
    {
        var result = new DotnetRunResult(1, ["a", "b"], TimeSpan.Zero);

        Assert.Equal($"a{Environment.NewLine}b", result.Tail(10));
    }
}

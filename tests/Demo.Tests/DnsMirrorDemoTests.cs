using LambdaSuite.Harness;
using LambdaSuite.Demo;
using LambdaSuite.TestKit;

namespace Cli.Tests.Demo;

/// <summary>
/// The DnsMirror scene end to end: the RFC 2136 path in process, then the packaged bootstrap into a moto Route 53
/// private zone. The secondary BIND is shared with other tests that mirror the same content, so only end states count.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DnsMirrorDemoTests(Xunit.Abstractions.ITestOutputHelper log)
{
    [Fact]
    public async Task RunAsync_AgainstLocalStack_MirrorsIntoBothTargetsAndSecondRunsChangeNothing()
    {
        var layout = RepositoryLayout.Discover();
        var primary = LocalStack.DnsPrimary; // also loads the stack's variables, which the scene reads
        using var output = new StringWriter();

        var result = await DnsMirrorDemo.RunAsync(layout, output, default);
        log.WriteLine(output.ToString());

        Assert.True(result == 0, output.ToString());
        Assert.Contains($"AXFR example.test. from {primary}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("first run Synced", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("second run: Unchanged, 0 change(s)", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"Route 53 \(boto3's paginator\): (\d+) records in \d+ sets, SOA serial (\d+); the primary's AXFR: \1 records, serial \2", output.ToString());
    }
}

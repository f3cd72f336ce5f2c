using LambdaSuite.Demo;
using LambdaSuite.Harness;

namespace Demo.Tests;

/// <summary>The demo scene end to end (packaged bootstrap, DynamoDB Local's iotCatalog table), run twice: it resets its own devices.</summary>
[Trait("Category", "Integration")]
public sealed class IotRegistryDemoTests
{
    [Fact]
    public async Task RunAsync_TwiceAgainstLocalStack_BehavesBothTimesAndPrintsNoCode()
    {
        var layout = RepositoryLayout.Discover();
        using var first = new StringWriter();
        using var second = new StringWriter();

        var firstResult = await IotRegistryDemo.RunAsync(layout, first, default);
        var secondResult = await IotRegistryDemo.RunAsync(layout, second, default);

        Assert.True(firstResult == 0, first.ToString());
        Assert.True(secondResult == 0, second.ToString());
        Assert.Contains("429 [multiValueHeaders] Retry-After", second.ToString(), StringComparison.Ordinal);
        // The stack's moto is IoT Data: the scene's IoT-door answers are read back from it, each run its own.
        Assert.Contains("devices/SN-DEMO-THERMO-01/register/accepted", second.ToString(), StringComparison.Ordinal);
        Assert.Contains("devices/SN-DEMO-BELL-02/activate/rejected", second.ToString(), StringComparison.Ordinal);
        var catalog = second.ToString()[second.ToString().IndexOf("serialNumber", StringComparison.Ordinal)..];
        Assert.DoesNotContain("AC-", catalog, StringComparison.Ordinal);
        Assert.Contains("a***@owners.example", catalog, StringComparison.Ordinal);
    }
}

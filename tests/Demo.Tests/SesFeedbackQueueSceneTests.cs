using LambdaSuite.Harness;
using LambdaSuite.Demo;

namespace Cli.Tests.Demo;

/// <summary>The demo's queued SesFeedback scene end to end (moto SNS and SQS, packaged bootstrap, DynamoDB Local), run twice: it names its own topic, queues and table.</summary>
[Trait("Category", "Integration")]
public sealed class SesFeedbackQueueSceneTests
{
    [Fact]
    public async Task RunAsync_TwiceAgainstLocalStack_ReportsOnlyTheMalformedNotificationBothTimes()
    {
        var layout = RepositoryLayout.Discover();
        using var first = new StringWriter();
        using var second = new StringWriter();

        var firstResult = await SesFeedbackQueueScene.RunAsync(layout, first, default);
        var secondResult = await SesFeedbackQueueScene.RunAsync(layout, second, default);

        Assert.True(firstResult == 0, first.ToString());
        Assert.True(secondResult == 0, second.ToString());
        Assert.Contains("RawMessageDelivery false", second.ToString(), StringComparison.Ordinal);
        Assert.Contains("function reported 1 failure(s)", second.ToString(), StringComparison.Ordinal);
        Assert.Contains("queue 0, dead-letter queue 1", second.ToString(), StringComparison.Ordinal);
    }
}

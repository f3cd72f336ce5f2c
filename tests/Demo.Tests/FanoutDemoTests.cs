using LambdaSuite.Demo;
using LambdaSuite.Harness;

namespace Demo.Tests;

/// <summary>The Fanout scene end to end: packaged bootstrap, kinesalite in and out, the mapping table, Redis, memcached, and moto's SNS, SQS, Firehose, S3 and IoT Data.</summary>
[Trait("Category", "Integration")]
public sealed class FanoutDemoTests(Xunit.Abstractions.ITestOutputHelper log)
{
    [Fact]
    public async Task RunAsync_AgainstLocalStack_DeliversGoodRecordsAndDeadLettersTheCorruptAggregate()
    {
        var layout = RepositoryLayout.Discover();
        using var output = new StringWriter();

        var result = await FanoutDemo.RunAsync(layout, output, default);
        log.WriteLine(output.ToString());

        Assert.True(result == 0, output.ToString());
        Assert.Contains("bootstrap answered {\"batchItemFailures\":[]}", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("holds 9 records", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"Corrupt\"", output.ToString(), StringComparison.Ordinal);
        Assert.All(
            new[] { "SNS topic -> raw SQS subscription: 9 record(s), every good record once", "SQS FIFO queue: 9 record(s), every good record once", "Firehose -> S3", "IoT Data topic" },
            line => Assert.Contains(line, output.ToString(), StringComparison.Ordinal));
    }
}

using LambdaSuite.Demo;
using LambdaSuite.Harness;
using LambdaSuite.TestKit;

namespace Cli.Tests.Demo;

/// <summary>
/// ChatRelay's scene end to end: a real curl through the loopback ALB front into the packaged bootstrap, the post in
/// the Slack stub's channel, then DnsMirror's packaged bootstrap failing a zone and its alert through moto's SNS and
/// SQS into ChatRelay and the stub's alert channel. Needs the ChatRelay and DnsMirror bootstraps packaged for this
/// machine.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ChatRelayDemoTests(Xunit.Abstractions.ITestOutputHelper log)
{
    [Fact]
    public async Task RunAsync_AgainstLocalStack_CurlLandsInTheChannelAndTheDnsMirrorFailureInTheAlertChannel()
    {
        var layout = RepositoryLayout.Discover();
        _ = LocalStack.DynamoDb; // loads the stack's variables, which the scene reads
        using var output = new StringWriter();

        var result = await ChatRelayDemo.RunAsync(layout, output, default);
        log.WriteLine(output.ToString());

        var text = output.ToString();
        Assert.True(result == 0, text);
        Assert.Contains("    HTTP 204", text, StringComparison.Ordinal);
        Assert.Contains("    HTTP 401", text, StringComparison.Ordinal);
        Assert.Contains($"Slack #{ChatRelayDemo.RoomChannel}: ", text, StringComparison.Ordinal);
        Assert.Contains($"Slack #{ChatRelayDemo.AlertChannel}: ", text, StringComparison.Ordinal);
        Assert.Contains("\"source\":\"DnsMirror\"", text, StringComparison.Ordinal);
        // The scene prints the curl line with the token masked, and never the bot token.
        Assert.DoesNotContain("xoxb-demo-", text, StringComparison.Ordinal);
        Assert.Matches(@"auth_token=demo\*{24}'", text);
    }
}

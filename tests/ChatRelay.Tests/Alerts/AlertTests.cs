using System.Text.Json;
using ChatRelay.Alerts;
using ChatRelay.Tests.Support;
using LambdaSuite.TestKit.Runtime;

namespace ChatRelay.Tests.Alerts;

/// <summary>The SNS door: the suite's alerts formatted and posted to ALERT_CHANNEL through the Slack stub, once per SNS message.</summary>
public sealed class AlertTests : IAsyncLifetime
{
    private RelayRig _rig = null!;

    public async Task InitializeAsync() => _rig = await RelayRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    private async Task<AlertAnswer> InvokeAsync(byte[] @event, TestLambdaContext? context = null) =>
        JsonSerializer.Deserialize<AlertAnswer>(await _rig.Function.InvokeAsync(@event, context ?? new TestLambdaContext()), new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;

    [Fact]
    public async Task Invoke_CloudWatchAlarm_RedPostWithStateReasonAndMetric()
    {
        var answer = await InvokeAsync(SnsEvents.Of(SnsEvents.Sample("cloudwatch-alarm.json"), "5b1c6d1e-0001-4000-8000-000000000001", "ALARM: \"ses-complaint-rate\" in US East (N. Virginia)"));

        Assert.Equal(new AlertAnswer(1, 0, 0), answer);
        var post = Assert.Single(_rig.Stub.PostsTo(RelayRig.AlertChannel));
        Assert.Equal(AlertFormatter.Red, post.Color);
        Assert.StartsWith("*ALARM*: ses-complaint-rate\nThreshold Crossed: 1 datapoint", post.Text, StringComparison.Ordinal);
        Assert.EndsWith("\nMetric: AWS/SES/Reputation.ComplaintRate", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_AlarmBackToOk_GreenWithDimensions()
    {
        await InvokeAsync(SnsEvents.Of(SnsEvents.Sample("fanout-dlq-ok.json"), "5b1c6d1e-0001-4000-8000-000000000002"));

        var post = Assert.Single(_rig.Stub.PostsTo(RelayRig.AlertChannel));
        Assert.Equal(AlertFormatter.Green, post.Color);
        Assert.EndsWith("Metric: AWS/SQS/ApproximateNumberOfMessagesVisible (QueueName=fanout-dlq)", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_DnsMirrorFailure_RedWithEscapedDetails()
    {
        await InvokeAsync(SnsEvents.Of(SnsEvents.Sample("dnsmirror-failed.json"), "5b1c6d1e-0001-4000-8000-000000000003"));

        var post = Assert.Single(_rig.Stub.PostsTo(RelayRig.AlertChannel));
        Assert.Equal((AlertFormatter.Red, "DnsMirror"), (post.Color, post.Footer));
        Assert.Equal(
            "*DnsMirror*: example.test. could not be mirrored\n• zone: example.test.\n• outcome: Failed\n• reason: AXFR refused by 10.0.0.53 &lt;REFUSED&gt; &amp; gave up",
            post.Text);
    }

    [Fact]
    public async Task Invoke_PlainMessage_GrayWithSubject()
    {
        await InvokeAsync(SnsEvents.Of("disk almost full <now>", "5b1c6d1e-0001-4000-8000-000000000004", "ops"));

        var post = Assert.Single(_rig.Stub.Posts);
        Assert.Equal(("*ops*\ndisk almost full &lt;now&gt;", AlertFormatter.Gray), (post.Text, post.Color));
    }

    [Fact]
    public async Task Invoke_SameSnsMessageTwice_PostedOnce()
    {
        var @event = SnsEvents.Of(SnsEvents.Sample("dnsmirror-failed.json"), "5b1c6d1e-0001-4000-8000-000000000005");

        var first = await InvokeAsync(@event);
        var again = await InvokeAsync(@event);

        Assert.Equal((new AlertAnswer(1, 0, 0), new AlertAnswer(0, 1, 0)), (first, again));
        Assert.Single(_rig.Stub.Posts);
    }

    [Fact]
    public async Task Invoke_SlackRefusesAlert_ThrowsSoLambdaRetriesAndTheRetryPosts()
    {
        _rig.Stub.QueueError("channel_not_found");
        var @event = SnsEvents.Of(SnsEvents.Sample("dnsmirror-failed.json"), "5b1c6d1e-0001-4000-8000-000000000006");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _rig.Function.InvokeAsync(@event, new TestLambdaContext()));
        var retry = await InvokeAsync(@event);

        Assert.Contains("channel_not_found", error.Message, StringComparison.Ordinal);
        Assert.Equal(new AlertAnswer(1, 0, 0), retry);
    }

    [Fact]
    public async Task Invoke_NoAlertChannel_LoggedAndDroppedWithWarning()
    {
        await using var rig = await RelayRig.StartAsync(alertChannel: null);
        var context = new TestLambdaContext();

        var answer = await rig.Function.InvokeAsync(SnsEvents.Of("x", "5b1c6d1e-0001-4000-8000-000000000007"), context);

        Assert.Contains("\"dropped\":1", System.Text.Encoding.UTF8.GetString(answer), StringComparison.Ordinal);
        Assert.Contains(context.Logger.Lines, l => l.Level == LambdaSuite.Runtime.LambdaLogLevel.Warning && l.Message.Contains("ALERT_CHANNEL", StringComparison.Ordinal));
        Assert.Equal(0, rig.Stub.Requests);
    }

    [Fact]
    public async Task Invoke_NeitherHttpNorSns_EventErrorSentence()
    {
        var error = await Assert.ThrowsAsync<LambdaSuite.Runtime.LambdaEventException>(() => _rig.Function.InvokeAsync("{\"AllZones\":true}"u8.ToArray(), new TestLambdaContext()));

        Assert.StartsWith("ChatRelay takes HTTP requests", error.Message, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Text.Json;
using DnsMirror.Sync;
using DnsMirror.Tests.Support;
using LambdaSuite.Aws.Http;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace DnsMirror.Tests.Sync;

public class FailureAlertPublisherTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:suite-alerts";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task PublishIfFailedAsync_FailedZone_PublishesTheContractsAlertToTheTopicWithinTheBudget()
    {
        var sns = new RecordingSnsClient();
        var publisher = new FailureAlertPublisher(sns, Topic, _time);
        var report = new ZoneRunReport { Zone = "corp.example.", Outcome = "Failed", Master = "10.0.0.53:53", Error = "AXFR from 10.0.0.53:53 refused: REFUSED" };
        var context = new TestLambdaContext { AwsRequestId = "req-1" };

        var published = await publisher.PublishIfFailedAsync(report, context);

        Assert.True(published);
        var request = Assert.Single(sns.Published);
        Assert.Equal(Topic, request.TopicArn);
        Assert.Null(request.Subject);
        using var alert = JsonDocument.Parse(request.Message);
        var root = alert.RootElement;
        Assert.Equal(["source", "summary", "details"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("DnsMirror", root.GetProperty("source").GetString());
        Assert.Equal("DnsMirror could not mirror zone corp.example.: AXFR from 10.0.0.53:53 refused: REFUSED", root.GetProperty("summary").GetString());
        var details = root.GetProperty("details").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(
            new Dictionary<string, string?> { ["zone"] = "corp.example.", ["outcome"] = "Failed", ["reason"] = "AXFR from 10.0.0.53:53 refused: REFUSED", ["master"] = "10.0.0.53:53", ["requestId"] = "req-1" },
            details);
        Assert.Equal([_time.GetUtcNow() + FailureAlertPublisher.Budget], sns.Deadlines);
        Assert.Contains(context.Logger.Lines, l => l.Message == "failure alert published" && l.Fields["messageId"] == "m-1");
    }

    [Theory]
    [InlineData("Synced")]
    [InlineData("InSync")]
    [InlineData("ZoneBusy")]
    [InlineData("Refused")]
    [InlineData("MasterBehind")]
    public async Task PublishIfFailedAsync_ZoneThatDidNotFail_PublishesNothing(string outcome)
    {
        var sns = new RecordingSnsClient();
        var publisher = new FailureAlertPublisher(sns, Topic, _time);

        var published = await publisher.PublishIfFailedAsync(new ZoneRunReport { Zone = "corp.example.", Outcome = outcome }, new TestLambdaContext());

        Assert.False(published);
        Assert.Empty(sns.Published);
    }

    [Fact]
    public async Task PublishIfFailedAsync_SnsRefuses_LogsAWarningAndReturnsWithoutThrowing()
    {
        var sns = new RecordingSnsClient
        {
            Answer = _ => throw new AwsServiceException("sns", "Publish", HttpStatusCode.Forbidden, "AuthorizationError", "User is not authorized to perform: SNS:Publish", "r-1", isThrottling: false, isRetryable: false),
        };
        var publisher = new FailureAlertPublisher(sns, Topic, _time);
        var context = new TestLambdaContext();

        var published = await publisher.PublishIfFailedAsync(new ZoneRunReport { Zone = "corp.example.", Outcome = "Failed", Error = "timed out" }, context);

        Assert.False(published);
        var warning = Assert.Single(context.Logger.Lines, l => l.Level == LambdaLogLevel.Warning);
        Assert.Equal("failure alert not published; the zone's failure stands", warning.Message);
        Assert.Equal("corp.example.", warning.Fields["zone"]);
        Assert.Contains("AuthorizationError", warning.Fields["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishIfFailedAsync_NetworkFailure_IsSwallowedAndLogged()
    {
        var sns = new RecordingSnsClient { Answer = _ => throw new HttpRequestException("Connection refused (127.0.0.1:1)") };
        var publisher = new FailureAlertPublisher(sns, Topic, _time);
        var context = new TestLambdaContext();

        var published = await publisher.PublishIfFailedAsync(new ZoneRunReport { Zone = "corp.example.", Outcome = "Failed", Error = "x" }, context);

        Assert.False(published);
        Assert.Contains(context.Logger.Lines, l => l.Level == LambdaLogLevel.Warning && l.Fields["error"]!.StartsWith("HttpRequestException: Connection refused", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_MultiLineOverlongReason_IsOneLineCutToTheLimit()
    {
        var reason = "first line\r\n  second line\n" + new string('x', 3 * FailureAlertPublisher.MaxReasonLength);

        var alert = FailureAlertPublisher.Build(new ZoneRunReport { Zone = "corp.example.", Outcome = "Failed", Error = reason }, requestId: null);

        Assert.StartsWith("first line second line xxx", alert.Details["reason"], StringComparison.Ordinal);
        Assert.Equal(FailureAlertPublisher.MaxReasonLength, alert.Details["reason"].Length);
        Assert.EndsWith("…", alert.Details["reason"], StringComparison.Ordinal);
        Assert.DoesNotContain('\n', alert.Summary);
        Assert.True(alert.Summary.Length < 300, alert.Summary);
        Assert.False(alert.Details.ContainsKey("requestId"));
        Assert.False(alert.Details.ContainsKey("master"));
    }

    [Fact]
    public void Build_ConfigRejectedWithoutZoneOrReason_StillNamesBoth()
    {
        var alert = FailureAlertPublisher.Build(new ZoneRunReport { Zone = "", Outcome = "Failed" }, requestId: "r");

        Assert.Equal("(no zone named)", alert.Details["zone"]);
        Assert.Equal("no reason recorded", alert.Details["reason"]);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("  ", false)]
    [InlineData(Topic, true)]
    public void Create_TopicVariable_MakesAPublisherOnlyWhenSet(string? value, bool expected)
    {
        var settings = DnsMirrorSettings.Read(name => name == "SUITE_ALERT_TOPIC_ARN" ? value : null);
        using var aws = AwsClientFactory.FromEnvironment(_ => null);

        var publisher = FailureAlertPublisher.Create(aws, settings, _time);

        Assert.Equal(expected, publisher is not null);
        Assert.Contains("SUITE_ALERT_TOPIC_ARN", DnsMirrorSettings.Variables.All);
        if (expected)
        {
            Assert.Equal(Topic, publisher!.TopicArn);
        }
    }
}

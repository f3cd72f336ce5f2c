using System.Text.Json;
using LambdaSuite.Data.Tables;
using LambdaSuite.Harness.Moto;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Dynamo;
using LambdaSuite.TestKit.Emulator;
using LambdaSuite.TestKit.Moto;
using LambdaSuite.TestKit.Runtime;

namespace DnsMirror.Tests.Sync;

/// <summary>
/// The whole function with a primary nobody answers on: the zone fails, the invocation still fails with the zone's
/// reason, and the alert reaches moto's SNS topic, read back by boto3 from an SQS queue subscribed to it (raw
/// delivery, so the queue holds the message exactly as ChatRelay would get it in the SNS record).
/// </summary>
[Trait("Category", "Integration")]
public sealed class FailureAlertMotoTests : IAsyncLifetime
{
    private string _table = null!;

    public async Task InitializeAsync() => _table = await LocalDynamoDb.CreateUniqueTableAsync(LocalDynamoDb.CreateClient(), TableCatalog.DnsMirrorZones);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task InvokeAsync_UnreachablePrimary_FailsTheRunAndPublishesTheAlertToTheTopic()
    {
        var alerts = await MotoTopicQueue.CreateAsync($"suite-alerts-test-{Guid.NewGuid():N}", rawMessageDelivery: true, AwsEmulator.Shared.ApplyTo);
        var function = NewFunction(alerts.TopicArn);
        var context = new TestLambdaContext { AwsRequestId = "req-alert-1" };

        var error = await Assert.ThrowsAsync<DnsMirrorRunException>(() => function.InvokeAsync(ZoneRequest(), context));
        var received = await alerts.DrainAsync(TimeSpan.Zero);

        Assert.Contains("alert.example.", error.Message, StringComparison.Ordinal);
        var body = Assert.Single(received);
        using var alert = JsonDocument.Parse(body);
        Assert.Equal("DnsMirror", alert.RootElement.GetProperty("source").GetString());
        Assert.StartsWith("DnsMirror could not mirror zone alert.example.", alert.RootElement.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var details = alert.RootElement.GetProperty("details");
        Assert.Equal("alert.example.", details.GetProperty("zone").GetString());
        Assert.Equal("Failed", details.GetProperty("outcome").GetString());
        Assert.Equal("req-alert-1", details.GetProperty("requestId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(details.GetProperty("reason").GetString()));
        Assert.All(details.EnumerateObject(), d => Assert.Equal(JsonValueKind.String, d.Value.ValueKind));
    }

    [Fact]
    public async Task InvokeAsync_AlertTopicMissing_StillFailsWithTheZonesReasonAndLogsTheLostAlert()
    {
        var function = NewFunction($"arn:aws:sns:us-east-1:123456789012:no-such-topic-{Guid.NewGuid():N}");
        var context = new TestLambdaContext();

        var error = await Assert.ThrowsAsync<DnsMirrorRunException>(() => function.InvokeAsync(ZoneRequest(), context));

        Assert.Contains("1 of 1 zone(s) failed: alert.example.", error.Message, StringComparison.Ordinal);
        var warning = Assert.Single(context.Logger.Lines, l => l.Level == LambdaLogLevel.Warning && l.Message.StartsWith("failure alert not published", StringComparison.Ordinal));
        Assert.Contains("NotFound", warning.Fields["error"], StringComparison.Ordinal);
    }

    private DnsMirrorFunction NewFunction(string topic)
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = LocalStack.DynamoDb.ToString(),
            ["AWS_REGION"] = "us-east-1",
            [TableCatalog.DnsMirrorZones.EnvironmentVariable] = _table,
            ["DNS_MIRROR_ATTEMPT_TIMEOUT_SECONDS"] = "2",
            ["SUITE_ALERT_TOPIC_ARN"] = topic,
        };
        return DnsMirrorFunction.Create(name => environment.GetValueOrDefault(name), MotoClientFactory.Create());
    }

    // Port 1 on loopback: nothing listens, so the transfer is refused at once, the way a dead primary fails.
    private static byte[] ZoneRequest() => JsonSerializer.SerializeToUtf8Bytes(new { Domain = "alert.example", ZoneId = "Z0ALERT", Masters = new[] { "127.0.0.1:1" } });
}

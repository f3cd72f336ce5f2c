using System.Text;
using Fanout.Delivery;
using Fanout.Metrics;
using Fanout.Records;
using Fanout.Targets;
using Fanout.Tests.Support;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Data.Fanout;
using LambdaSuite.TestKit.Stubs;

namespace Fanout.Tests.Targets;

/// <summary>
/// One retry owner (issue 14): the clients Fanout builds make one attempt each and the engine alone retries, so an
/// outage costs the engine's attempt budget per call, not that budget times the client's. The factory under test
/// carries a retrying policy (3 attempts, from the base class), which the senders must not use.
/// </summary>
public class RetryOwnerTests : StubbedSendersTestBase
{
    private const string QueueUrl = "https://sqs.us-east-1.amazonaws.com/123456789012/orders";
    private const string StreamArn = "arn:aws:kinesis:us-east-1:123456789012:stream/out";

    private static FanoutTarget Target(FanoutTargetType type, string destination) => new()
    {
        SourceArn = StreamEvents.SourceArn,
        Id = "t",
        Type = type,
        Destination = destination,
        Active = true,
    };

    // Three small records: one call for every target type.
    private static SourceBatch Batch() =>
        SourceReader.Read(StreamEvents.Kinesis(Enumerable.Range(0, 3).Select(i => ("k" + i, Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"))))).Single();

    private Task<FanoutResult> RunAsync(TargetSenderFactory senders, FanoutTarget target) =>
        new FanoutEngine(senders, new DeliveryLedger(), Retry, null)
            .DeliverAsync(Batch(), [target], Clock.GetUtcNow().AddMinutes(1), Logger, new FanoutMetrics(Logger, Clock), CancellationToken.None);

    private int EngineBudget(FanoutTarget target) =>
        new TargetDelivery(Senders.Create(target), TargetLimits.For(target.Type), Retry).MaxEntryAttempts;

    [Fact]
    public async Task Kinesis_EveryAnswer500_SendsEngineBudgetOnly()
    {
        var target = Target(FanoutTargetType.Kinesis, StreamArn);
        Stub.Responder = _ => StubResponse.Json("""{"__type":"InternalFailure","message":"down"}""", 500);

        var result = await RunAsync(Senders, target);

        Assert.True(Retry.MaxAttempts > 1);
        Assert.Equal(EngineBudget(target), Stub.Requests.Count);
        Assert.Equal(StreamEvents.Sequence(0), result.FailedSequenceNumber);
        Assert.Equal(0, result.Outcomes[0].Delivered);
        Assert.Equal(EngineBudget(target), result.Outcomes[0].Calls);
    }

    [Fact]
    public async Task Sqs_ConnectionRefused_SendsEngineBudgetOnly()
    {
        // A port that refuses: a stub started and stopped again. Sends are counted below the signer, where every
        // attempt passes whether or not a connection opens.
        var closed = await AwsStubServer.StartAsync();
        var endpoint = closed.Endpoint;
        await closed.DisposeAsync();
        var sends = 0;
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = endpoint.ToString(), ["AWS_REGION"] = "us-east-1" };
        using var aws = new AwsClientFactory(
            new AwsEndpointResolver(name => environment.GetValueOrDefault(name)),
            StubCredentials.Create(),
            Retry,
            () => new CountingHandler(() => Interlocked.Increment(ref sends)));
        await using var senders = new TargetSenderFactory(aws, Clock);
        var target = Target(FanoutTargetType.Sqs, QueueUrl);

        var result = await RunAsync(senders, target);

        Assert.Equal(EngineBudget(target), sends);
        Assert.NotNull(result.FailedSequenceNumber);
        Assert.Equal(0, result.Outcomes[0].Delivered);
    }

    [Fact]
    public async Task Sqs_ThrottledTwiceThenOk_DeliversThroughEngineRetryWithThrottlingBackoff()
    {
        var throttled = StubResponse.Json("""{"__type":"com.amazonaws.sqs#RequestThrottled","message":"slow"}""", 400, "application/x-amz-json-1.0");
        Stub.Enqueue(throttled, throttled);
        Stub.Responder = _ => StubResponse.Json("""{"Successful":[],"Failed":[]}""", 200, "application/x-amz-json-1.0");

        var result = await RunAsync(Senders, Target(FanoutTargetType.Sqs, QueueUrl));

        Assert.Null(result.FailedSequenceNumber);
        Assert.Equal(3, result.Outcomes[0].Delivered);
        Assert.Equal(3, Stub.Requests.Count);
        Assert.Equal(2, result.Outcomes[0].Throttles);
        // Only the engine slept: the throttling base (200 ms) doubled once, jitter pinned at half the ceiling.
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], Clock.Sleeps);
    }
}

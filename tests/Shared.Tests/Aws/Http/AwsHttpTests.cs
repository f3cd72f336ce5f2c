using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using LambdaSuite.Aws.Endpoints;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Aws.Sns;
using LambdaSuite.Aws.Sqs;
using LambdaSuite.TestKit;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.Http;

public class AwsHttpTests : StubbedClientTestBase
{
    [Fact]
    public async Task SendAsync_ConnectionRefused_RetriesThenThrowsTransportError()
    {
        var clock = new SteppingTimeProvider();
        var port = ClosedLoopbackPort();
        using var factory = new AwsClientFactory(
            new AwsEndpointResolver(name => name == "AWS_ENDPOINT_URL" ? $"http://127.0.0.1:{port}" : null),
            StubCredentials.Create(),
            new AwsRetryPolicy { TimeProvider = clock, Random = () => 0.5, MaxAttempts = 3 });

        await Assert.ThrowsAsync<HttpRequestException>(() => factory.CreateSqs().SendMessageAsync(new SendMessageRequest { QueueUrl = "q", MessageBody = "m" }));

        Assert.Equal(2, clock.Sleeps.Count);
    }

    [Fact]
    public async Task SendAsync_TruncatedJsonOnSuccess_ThrowsJsonExceptionWithoutRetry()
    {
        Stub.Enqueue(StubResponse.Json("""{"Successful":[{"Id":"a","MessageId":"""));

        await Assert.ThrowsAsync<JsonException>(() => Factory.CreateSqs().SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = "q", Entries = [new() { Id = "a", MessageBody = "m" }] }));

        Assert.Single(Stub.Requests);
    }

    [Fact]
    public async Task SendAsync_QueryAnswerWithoutResultElement_ThrowsFormatException()
    {
        Stub.Enqueue(StubResponse.Xml("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><ResponseMetadata/></PublishResponse>"));

        var error = await Assert.ThrowsAsync<FormatException>(() => Factory.CreateSns().PublishAsync(new PublishRequest { TopicArn = "t", Message = "m" }));

        Assert.Contains("PublishResult", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Paced_EveryAttemptRetriesIncludedTakesAToken()
    {
        Stub.Enqueue(StubResponse.Empty(500), StubResponse.Json("""{"MessageId":"m-1"}"""));
        var pacer = new RequestPacer(burst: 2, perSecond: 0.001);
        var sqs = new SqsClient(Factory.CreateSqs().Http.WithPacer(pacer));

        var response = await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = "q", MessageBody = "m" });

        Assert.Equal(("m-1", 2), (response.MessageId, Stub.Requests.Count));
        // Both tokens went to the two attempts: the next request would wait about 1,000 s for a refill.
        Assert.False(pacer.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task SendAsync_EveryAttempt_IsSignedAfresh()
    {
        Stub.Enqueue(StubResponse.Empty(500), StubResponse.Empty(500), StubResponse.Json("""{"MessageId":"m-1"}"""));

        var response = await Factory.CreateSqs().SendMessageAsync(new SendMessageRequest { QueueUrl = "q", MessageBody = "m" });

        Assert.Equal("m-1", response.MessageId);
        Assert.Equal(3, Stub.Requests.Count);
        AssertAllSigned();
    }

    [Fact]
    public async Task SendAsync_WithDeadline_DoesNotChangeOriginalClient()
    {
        Stub.Responder = _ => StubResponse.Empty(500);
        var client = Factory.CreateSqs();
        var bounded = client.WithDeadline(Clock.GetUtcNow());

        await Assert.ThrowsAsync<AwsServiceException>(() => bounded.SendMessageAsync(new SendMessageRequest { QueueUrl = "q", MessageBody = "m" }));
        var boundedAttempts = Stub.Requests.Count;
        await Assert.ThrowsAsync<AwsServiceException>(() => client.SendMessageAsync(new SendMessageRequest { QueueUrl = "q", MessageBody = "m" }));

        Assert.Equal(1, boundedAttempts);
        Assert.Equal(1 + RetryPolicy.MaxAttempts, Stub.Requests.Count);
        Assert.Null(client.Http.RetryPolicy.Deadline);
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

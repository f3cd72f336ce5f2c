using System.Text;
using IotRegistry.Iot;
using LambdaSuite.Aws.Retry;
using LambdaSuite.Runtime;
using LambdaSuite.TestKit.Runtime;
using LambdaSuite.TestKit.Stubs;

namespace IotRegistry.Tests.Iot;

/// <summary>The publisher against a loopback IoT Data endpoint that checks each request's SigV4 signature.</summary>
public sealed class IotResponsePublisherTests : IAsyncLifetime
{
    private static readonly byte[] s_payload = Encoding.UTF8.GetBytes("""{"operation":"register","outcome":"registered","status":201,"serialNumber":"SN-7"}""");
    private static readonly IotResult s_registered = new("register", "registered", 201, "SN-7", "thing-7");
    private AwsStubServer _stub = null!;

    public async Task InitializeAsync() => _stub = await AwsStubServer.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task PublishAsync_HandledResult_PostsQos1ToResponseTopicWithTheAnswerBytes()
    {
        var publisher = Publisher();
        var context = new TestLambdaContext();

        var topic = await publisher.PublishAsync(s_registered, s_payload, context);

        Assert.Equal("fleet/SN-7/register/accepted", topic);
        var request = Assert.Single(_stub.Requests);
        Assert.True(request.Signature.IsValid, request.Signature.Reason);
        Assert.Equal(("POST", "/topics/fleet/SN-7/register/accepted"), (request.Method, request.RawPath));
        Assert.Equal("1", request.QueryParameters()["qos"]);
        Assert.Equal(s_payload, request.Body);
    }

    [Fact]
    public async Task PublishAsync_EndpointAnswers500_ReturnsNullAndLogsTopicNeverPayload()
    {
        _stub.Responder = _ => StubResponse.Json("""{"message":"internal failure"}""", 500, "application/json");
        var publisher = Publisher();
        var context = new TestLambdaContext();

        var topic = await publisher.PublishAsync(s_registered, s_payload, context);

        Assert.Null(topic);
        Assert.Equal(2, _stub.Requests.Count);
        var line = Assert.Single(context.Logger.Lines, l => l.Level == LambdaLogLevel.Warning);
        Assert.Equal("fleet/SN-7/register/accepted", line.Fields["topic"]);
        Assert.Contains("500", line.Fields["error"], StringComparison.Ordinal);
        Assert.All(context.Logger.Lines, l => Assert.DoesNotContain(l.Fields.Values, v => v is not null && v.Contains("\"outcome\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task PublishAsync_SerialWithTopicSeparator_SendsNothing()
    {
        var publisher = Publisher();

        var topic = await publisher.PublishAsync(s_registered with { SerialNumber = "SN-7/../+" }, s_payload, new TestLambdaContext());

        Assert.Null(topic);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public void Create_NoTopicPrefix_NoPublisherAndSaidOnceAtInit()
    {
        var log = new RecordingLambdaLogger();

        var publisher = IotResponsePublisher.Create(Settings(), StubClientFactory.For(_stub), log, TimeProvider.System);

        Assert.Null(publisher);
        var line = Assert.Single(log.Lines);
        Assert.Equal((LambdaLogLevel.Information, "iot response topics off"), (line.Level, line.Message));
    }

    [Fact]
    public void Create_TopicPrefixSet_PublisherOnThatPrefixAndNothingLogged()
    {
        var log = new RecordingLambdaLogger();

        var publisher = IotResponsePublisher.Create(Settings(("IOT_TOPIC_PREFIX", "fleet")), StubClientFactory.For(_stub), log, TimeProvider.System);

        Assert.Equal("fleet", publisher?.TopicPrefix);
        Assert.Empty(log.Lines);
    }

    private static IotRegistrySettings Settings(params (string Name, string Value)[] values) =>
        IotRegistrySettings.Read(name => name == "AWS_ENDPOINT_URL_DYNAMODB" ? "http://127.0.0.1:8000" : values.FirstOrDefault(v => v.Name == name).Value);

    // Two attempts and no backoff to speak of, so the failing endpoint's test stays quick and counts the retry.
    private IotResponsePublisher Publisher() =>
        new(StubClientFactory.For(_stub, new AwsRetryPolicy { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1) }).CreateIotData(), "fleet", TimeProvider.System);
}

using System.Text;
using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.IotData;
using LambdaSuite.TestKit.Moto;

namespace Shared.Tests.Aws.IotData;

/// <summary>
/// The in-house IoT Data client against moto: what moto received is read back through moto's own request recorder
/// (<see cref="MotoIotData"/>: moto 5.2.1 exposes published payloads no other way), never through our client.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IotDataMotoTests : IAsyncLifetime, IDisposable
{
    private readonly AwsClientFactory _factory = MotoClientFactory.Create();

    public Task InitializeAsync() => MotoIotData.StartRecordingAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task PublishAsync_EveryByteValue_MotoReceivesThePayloadByteForByte()
    {
        var topic = $"suite/test-{Guid.NewGuid():N}/telemetry";
        var payload = Enumerable.Range(0, 256).Select(i => (byte)i).Concat(Encoding.UTF8.GetBytes("{\"ünïcödé\":\"✓\"}")).ToArray();

        await _factory.CreateIotData().PublishAsync(new PublishRequest { Topic = topic, Qos = 1, Payload = payload });
        var published = await MotoIotData.PublishedAsync(topic);

        var only = Assert.Single(published);
        Assert.Equal(payload, only.Payload);
        Assert.Equal(1, only.Qos);
    }

    [Fact]
    public async Task PublishAsync_TopicWithSpacesPercentAndUnicode_MotoReceivesTheSameTopic()
    {
        var topic = $"suite/test-{Guid.NewGuid():N}/a b/50%/ünï";

        await _factory.CreateIotData().PublishAsync(new PublishRequest { Topic = topic, Payload = "{}"u8.ToArray() });
        await _factory.CreateIotData().PublishAsync(new PublishRequest { Topic = topic, Payload = "{\"n\":2}"u8.ToArray() });
        var published = await MotoIotData.PublishedAsync(topic);

        Assert.Equal(["{}", "{\"n\":2}"], published.Select(p => Encoding.UTF8.GetString(p.Payload)));
        Assert.All(published, p => Assert.Equal(0, p.Qos));
    }
}

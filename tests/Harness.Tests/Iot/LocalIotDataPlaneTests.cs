using System.Net;
using LambdaSuite.Harness.Iot;
using LambdaSuite.TestKit;

namespace Harness.Tests.Iot;

/// <summary>The local IoT Data plane publishing into the stack's mosquitto under the ACL's answer-topics-only identity.</summary>
[Trait("Category", "Integration")]
public sealed class LocalIotDataPlaneTests
{
    [Fact]
    public async Task Publish_OnADevicesRegisterTopic_ForbiddenByTheBrokersAcl()
    {
        _ = LocalStack.Mqtt;
        var stack = MqttStack.FromEnvironment(Environment.GetEnvironmentVariable);
        await using var plane = await LocalIotDataPlane.StartAsync(stack, default);
        using var http = new HttpClient { BaseAddress = plane.Endpoint };

        var answerTopic = await http.PostAsync($"topics/{stack.TopicPrefix}/SN-PLANE-1/register/accepted?qos=1", new ByteArrayContent("{}"u8.ToArray()));
        var ruleTopic = await http.PostAsync($"topics/{stack.TopicPrefix}/SN-PLANE-1/register?qos=1", new ByteArrayContent("{}"u8.ToArray()));
        var wildcard = await http.PostAsync($"topics/{stack.TopicPrefix}/%2B/register/accepted?qos=1", new ByteArrayContent("{}"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, answerTopic.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ruleTopic.StatusCode);
        Assert.Equal("ForbiddenException", ruleTopic.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal(HttpStatusCode.BadRequest, wildcard.StatusCode);
        Assert.Equal(1, plane.Published);
    }
}

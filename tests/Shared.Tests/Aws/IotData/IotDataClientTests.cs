using LambdaSuite.Aws.Http;
using LambdaSuite.Aws.IotData;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.IotData;

public class IotDataClientTests : StubbedClientTestBase
{
    [Fact]
    public async Task PublishAsync_TopicWithSpecialCharacters_EncodesEachSegment()
    {
        await Factory.CreateIotData().PublishAsync(new PublishRequest { Topic = "devices/room 1/temp#?%", Qos = 1, Payload = "{\"t\":21.5}"u8.ToArray() });

        AssertAllSigned();
        var request = Assert.Single(Stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/topics/devices/room%201/temp%23%3F%25?qos=1", request.RawTarget);
        Assert.Equal("{\"t\":21.5}", request.BodyText);
        Assert.Equal("iotdata", request.Signature.Service);
    }

    [Fact]
    public async Task PublishAsync_RetainAndMqtt5Fields_AddQueryParameters()
    {
        await Factory.CreateIotData().PublishAsync(new PublishRequest { Topic = "a/b", Retain = true, ContentType = "application/json", ResponseTopic = "a/reply", MessageExpiry = 60 });

        var query = Assert.Single(Stub.Requests).QueryParameters();
        Assert.Equal(new Dictionary<string, string> { ["qos"] = "0", ["retain"] = "true", ["contentType"] = "application/json", ["responseTopic"] = "a/reply", ["messageExpiry"] = "60" }, query);
    }

    [Fact]
    public async Task PublishAsync_Qos2_IsRejectedBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Factory.CreateIotData().PublishAsync(new PublishRequest { Topic = "a", Qos = 2 }));

        Assert.Empty(Stub.Requests);
    }

    [Fact]
    public async Task PublishAsync_Throttled_RetriesThenSucceeds()
    {
        Stub.Enqueue(StubResponse.Json("""{"message":"Rate exceeded"}""", 429, "application/json", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/" }));

        await Factory.CreateIotData().PublishAsync(new PublishRequest { Topic = "a" });

        Assert.Equal(2, Stub.Requests.Count);
        Assert.Equal([RetryPolicy.BackoffFor(0, throttled: true)], Clock.Sleeps);
    }

    [Fact]
    public async Task PublishAsync_Unauthorized_ThrowsWithHeaderCode()
    {
        Stub.Enqueue(StubResponse.Json("""{"message":"Not authorized to publish"}""", 401, "application/json", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "UnauthorizedException:", ["x-amzn-RequestId"] = "iot-req-9" }));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Factory.CreateIotData().PublishAsync(new PublishRequest { Topic = "a" }));

        Assert.Equal(("UnauthorizedException", "Not authorized to publish", "iot-req-9"), (error.ErrorCode, error.ErrorMessage, error.RequestId));
        Assert.Single(Stub.Requests);
    }

    [Fact]
    public void CreateIotData_AccountEndpointWithoutOverride_UsesAccountHost()
    {
        using var factory = new AwsClientFactory(new LambdaSuite.Aws.Endpoints.AwsEndpointResolver(_ => null), StubCredentials.Create());

        var client = factory.CreateIotData("a1b2c3d4e5f6g7-ats.iot.eu-west-1.amazonaws.com", "eu-west-1");

        Assert.Equal(new Uri("https://a1b2c3d4e5f6g7-ats.iot.eu-west-1.amazonaws.com/"), client.Http.Endpoint);
        Assert.Equal("eu-west-1", client.Http.SigningRegion);
    }

    [Fact]
    public void CreateIotData_EndpointVariableSet_WinsOverAccountEndpoint()
    {
        var client = Factory.CreateIotData("a1b2c3d4e5f6g7-ats.iot.us-east-1.amazonaws.com");

        Assert.Equal(Stub.Endpoint, client.Http.Endpoint);
    }
}

using System.Net;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using LambdaSuite.TestKit.Stubs;

namespace Shared.Tests.Aws.Signing;

/// <summary>The SDK's signing handler, as the clients use it, judged by the stub's independent verifier.</summary>
public class SigV4SigningHandlerTests : IAsyncLifetime
{
    private AwsStubServer _stub = null!;

    public async Task InitializeAsync() => _stub = await AwsStubServer.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Theory]
    [InlineData("/topics/sensors/room%201/temp?qos=1")]
    [InlineData("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A111122223333%3Afunction%3Afan/invocations?Qualifier=live")]
    [InlineData("/2013-04-01/hostedzone/Z1/rrset?name=%5C052.example.com.&type=A&maxitems=2")]
    public async Task SendAsync_EncodedPathsAndQueries_SignatureVerifies(string pathAndQuery)
    {
        using var client = SignedClient(StubCredentials.Create(), "iotdata");

        using var response = await client.PostAsync(new Uri(_stub.Endpoint, pathAndQuery), new ByteArrayContent("payload"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(_stub.Requests);
        Assert.True(request.Signature.IsValid, request.Signature.Reason);
        Assert.Equal(pathAndQuery, request.RawTarget);
    }

    [Fact]
    public async Task SendAsync_SessionCredentials_SignsSecurityToken()
    {
        using var client = SignedClient(new SessionAWSCredentials(StubCredentials.AccessKeyId, StubCredentials.SecretAccessKey, "session-token-1"), "sqs");

        using var response = await client.PostAsync(new Uri(_stub.Endpoint, "/"), new StringContent("{}"));

        var request = Assert.Single(_stub.Requests);
        Assert.True(request.Signature.IsValid, request.Signature.Reason);
        Assert.Equal("session-token-1", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", request.Signature.SignedHeaders!);
    }

    [Fact]
    public async Task SendAsync_WrongSecret_StubAnswers403()
    {
        using var client = SignedClient(new BasicAWSCredentials(StubCredentials.AccessKeyId, "not-the-secret"), "sns");

        using var response = await client.PostAsync(new Uri(_stub.Endpoint, "/"), new StringContent("Action=Publish"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(Assert.Single(_stub.Requests).Signature.IsValid);
    }

    [Fact]
    public async Task SendAsync_RegionAndServiceOptions_OverrideScope()
    {
        using var client = SignedClient(StubCredentials.Create(), "sqs");
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(_stub.Endpoint, "/2013-04-01/change/C1"));
        message.Options.Set(new HttpRequestOptionsKey<string>(SigV4SigningHandler.ServiceOptionKey), "route53");
        message.Options.Set(new HttpRequestOptionsKey<string>(SigV4SigningHandler.RegionOptionKey), "us-east-1");

        using var response = await client.SendAsync(message);

        var check = Assert.Single(_stub.Requests).Signature;
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(("us-east-1", "route53"), (check.Region, check.Service));
    }

    private static HttpClient SignedClient(AWSCredentials credentials, string service) =>
        new(new SigV4SigningHandler(credentials, RegionEndpoint.EUWest1, service, new SocketsHttpHandler()));
}

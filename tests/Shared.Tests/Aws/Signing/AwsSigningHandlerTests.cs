using System.Net;
using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using LambdaSuite.Aws.Http;
using LambdaSuite.TestKit.Stubs;
using Microsoft.Extensions.Time.Testing;

namespace Shared.Tests.Aws.Signing;

/// <summary>
/// The in-house handler judged twice: by AWSSDK.Core's own signing handler (same request, same instant: every header
/// name, value and position must be equal, so the wire is unchanged) and by the stub's independent verifier. (The SDK's
/// handler signed the clients' requests until the in-house one replaced it; it stays here as the judge.)
/// </summary>
public class AwsSigningHandlerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset s_signedAt = new(2026, 12, 5, 6, 1, 2, TimeSpan.Zero);
    private AwsStubServer _stub = null!;

    public static TheoryData<string, string> Requests => new()
    {
        { "sns-form-with-declared-hash", "sns" },
        { "sqs-json-with-target", "sqs" },
        { "lambda-path-query-no-hash", "lambda" },
        { "iot-topic-path", "iotdata" },
        { "route53-get-query", "route53" },
    };

    public async Task InitializeAsync() => _stub = await AwsStubServer.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task SendAsync_SameRequestAsSdkHandler_SameHeadersInSameOrder(string kind, string service)
    {
        foreach (var credentials in new AWSCredentials[] { new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), new SessionAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "token/with+chars=") })
        {
            var sdk = new Capture();
            var ours = new Capture();
            using var sdkInvoker = new HttpMessageInvoker(new SigV4SigningHandler(new AWSSigV4Parameters { Credentials = credentials, Region = RegionEndpoint.EUWest1, Service = service, SignedAt = s_signedAt.UtcDateTime }) { InnerHandler = sdk });
            using var ourInvoker = new HttpMessageInvoker(new AwsSigningHandler(credentials, "eu-west-1", service, ours, new FakeTimeProvider(s_signedAt)));

            using var a = await sdkInvoker.SendAsync(Build(kind), CancellationToken.None);
            using var b = await ourInvoker.SendAsync(Build(kind), CancellationToken.None);

            Assert.Contains(sdk.Headers, h => h.StartsWith("Authorization: AWS4-HMAC-SHA256 ", StringComparison.Ordinal));
            Assert.Equal(sdk.Headers, ours.Headers);
        }
    }

    [Fact]
    public async Task SendAsync_NextDayOnSameHandler_SignsWithNewDaysKeyAsSdkDoes()
    {
        var credentials = new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        var time = new FakeTimeProvider(s_signedAt);
        var ours = new Capture();
        using var ourInvoker = new HttpMessageInvoker(new AwsSigningHandler(credentials, "eu-west-1", "sns", ours, time));
        using var first = await ourInvoker.SendAsync(Build("sns-form-with-declared-hash"), CancellationToken.None);
        time.Advance(TimeSpan.FromDays(1));
        var sdk = new Capture();
        using var sdkInvoker = new HttpMessageInvoker(new SigV4SigningHandler(new AWSSigV4Parameters { Credentials = credentials, Region = RegionEndpoint.EUWest1, Service = "sns", SignedAt = s_signedAt.AddDays(1).UtcDateTime }) { InnerHandler = sdk });

        using var b = await ourInvoker.SendAsync(Build("sns-form-with-declared-hash"), CancellationToken.None);
        using var a = await sdkInvoker.SendAsync(Build("sns-form-with-declared-hash"), CancellationToken.None);

        Assert.Contains(ours.Headers, h => h.Contains("/20261206/eu-west-1/sns/aws4_request", StringComparison.Ordinal));
        Assert.Equal(sdk.Headers, ours.Headers);
    }

    [Theory]
    [InlineData("/topics/sensors/room%201/temp?qos=1")]
    [InlineData("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A111122223333%3Afunction%3Afan/invocations?Qualifier=live")]
    [InlineData("/2013-04-01/hostedzone/Z1/rrset?name=%5C052.example.com.&type=A&maxitems=2")]
    public async Task SendAsync_EncodedPathsAndQueries_StubVerifiesSignature(string pathAndQuery)
    {
        using var client = new HttpClient(new AwsSigningHandler(StubCredentials.Create(), "eu-west-1", "iotdata", new SocketsHttpHandler()));

        using var response = await client.PostAsync(new Uri(_stub.Endpoint, pathAndQuery), new ByteArrayContent("payload"u8.ToArray()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(_stub.Requests);
        Assert.True(request.Signature.IsValid, request.Signature.Reason);
    }

    [Fact]
    public async Task SendAsync_WrongSecret_StubAnswers403()
    {
        using var client = new HttpClient(new AwsSigningHandler(new BasicAWSCredentials(StubCredentials.AccessKeyId, "not-the-secret"), "eu-west-1", "sns", new SocketsHttpHandler()));

        using var response = await client.PostAsync(new Uri(_stub.Endpoint, "/"), new StringContent("Action=Publish"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(Assert.Single(_stub.Requests).Signature.IsValid);
    }

    [Fact]
    public async Task SendAsync_SessionCredentials_SignsSecurityToken()
    {
        using var client = new HttpClient(new AwsSigningHandler(new SessionAWSCredentials(StubCredentials.AccessKeyId, StubCredentials.SecretAccessKey, "session-token-1"), "eu-west-1", "sqs", new SocketsHttpHandler()));

        using var response = await client.PostAsync(new Uri(_stub.Endpoint, "/"), new StringContent("{}"));

        var request = Assert.Single(_stub.Requests);
        Assert.True(request.Signature.IsValid, request.Signature.Reason);
        Assert.Equal("session-token-1", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", request.Signature.SignedHeaders!);
    }

    [Fact]
    public async Task SendAsync_RegionAndServiceOptions_OverrideScope()
    {
        using var client = new HttpClient(new AwsSigningHandler(StubCredentials.Create(), "eu-west-1", "sqs", new SocketsHttpHandler()));
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(_stub.Endpoint, "/2013-04-01/change/C1"));
        message.Options.Set(new HttpRequestOptionsKey<string>(AwsSigningHandler.ServiceOptionKey), "route53");
        message.Options.Set(new HttpRequestOptionsKey<string>(AwsSigningHandler.RegionOptionKey), "us-east-1");

        using var response = await client.SendAsync(message);

        var check = Assert.Single(_stub.Requests).Signature;
        Assert.True(check.IsValid, check.Reason);
        Assert.Equal(("us-east-1", "route53"), (check.Region, check.Service));
    }

    private static HttpRequestMessage Build(string kind)
    {
        var body = "Action=PublishBatch&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A1%3At&PublishBatchRequestEntries.member.1.Message=%7B%22a%22%3A1%7D"u8.ToArray();
        switch (kind)
        {
            case "sns-form-with-declared-hash":
            {
                var content = new ReadOnlyMemoryContent(body);
                content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");
                var message = new HttpRequestMessage(HttpMethod.Post, "https://sns.eu-west-1.amazonaws.com/") { Content = content };
                AwsPayloadHash.Set(message, AwsPayloadHash.Of(body));
                return message;
            }

            case "sqs-json-with-target":
            {
                var json = """{"QueueUrl":"https://sqs.eu-west-1.amazonaws.com/1/q","Entries":[]}"""u8.ToArray();
                var message = new HttpRequestMessage(HttpMethod.Post, "https://sqs.eu-west-1.amazonaws.com/") { Content = new ReadOnlyMemoryContent(json) };
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.0");
                message.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonSQS.SendMessageBatch");
                AwsPayloadHash.Set(message, AwsPayloadHash.Of(json));
                return message;
            }

            case "lambda-path-query-no-hash":
            {
                var message = new HttpRequestMessage(HttpMethod.Post, "https://lambda.eu-west-1.amazonaws.com/2015-03-31/functions/arn%3Aaws%3Alambda%3Aeu-west-1%3A1%3Afunction%3Afan/invocations?Qualifier=live") { Content = new ByteArrayContent(body) };
                message.Headers.TryAddWithoutValidation("X-Amz-Invocation-Type", "Event");
                return message;
            }

            case "iot-topic-path":
                return new HttpRequestMessage(HttpMethod.Post, "https://data-ats.iot.eu-west-1.amazonaws.com/topics/sensors/room%201/temp?qos=1") { Content = new ByteArrayContent(body) };
            default:
                return new HttpRequestMessage(HttpMethod.Get, "https://route53.amazonaws.com/2013-04-01/hostedzone/Z1/rrset?name=%5C052.example.com.&type=A&maxitems=2");
        }
    }

    /// <summary>Keeps each request's headers, content headers last, as "Name: value" lines in order.</summary>
    private sealed class Capture : HttpMessageHandler
    {
        public List<string> Headers { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Headers.Clear();
            Headers.Add(request.Method + " " + request.RequestUri!.AbsoluteUri);
            Headers.AddRange(request.Headers.NonValidated.Select(h => h.Key + ": " + h.Value));
            if (request.Content is not null)
            {
                Headers.AddRange(request.Content.Headers.NonValidated.Select(h => "content " + h.Key + ": " + h.Value));
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
